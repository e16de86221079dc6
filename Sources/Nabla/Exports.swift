// The umbrella: `import Nabla` gives every layer.
@_exported import NablaCalculus
@_exported import NablaCore
@_exported import NablaDocument
@_exported import NablaExplain
@_exported import NablaNumeric
@_exported import NablaPrinting
@_exported import NablaSheets
@_exported import NablaTraining
