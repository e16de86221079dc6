import Foundation
import NablaCore

/// The learning curves of a training run as an SVG picture: the loss per epoch on the left
/// (the training objective, and the test loss), the accuracy on the right, each with its axes,
/// ticks and legend.
///
/// ```swift
/// try LearningCurvePlot(outcome.history, title: "loss∘model on iris.csv").svg.write(toFile: "curve.svg", atomically: true, encoding: .utf8)
/// ```
public struct LearningCurvePlot {
    public let history: [EpochRecord]
    public let title: String

    public init(_ history: [EpochRecord], title: String) { self.history = history; self.title = title }

    static let width = 860.0, height = 340.0
    static let trainColour = "#1f5fa8", testColour = "#d9641e"

    public var svg: String {
        let w = LearningCurvePlot.width, h = LearningCurvePlot.height
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" viewBox="0 0 \(Int(w)) \(Int(h))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect width="100%" height="100%" fill="white"/>
        <text x="\(w / 2)" y="22" text-anchor="middle" font-size="15">\(escapedXML(title))</text>

        """
        let epochs = history.map { Double($0.epoch) }
        let losses: [(String, String, [Double?], Bool)] = [
            ("training objective", LearningCurvePlot.trainColour, history.map(\.objective), false),
            ("test loss", LearningCurvePlot.testColour, history.map(\.testLoss), true),
        ]
        let accuracies: [(String, String, [Double?], Bool)] = [
            ("training accuracy", LearningCurvePlot.trainColour, history.map { $0.trainAccuracy.map { $0 * 100 } }, false),
            ("test accuracy", LearningCurvePlot.testColour, history.map { $0.testAccuracy.map { $0 * 100 } }, true),
        ]
        // Losses fall, so their legend goes top right; accuracies rise, so theirs goes bottom right.
        out += panel(x: 60, width: 340, epochs: epochs, series: losses, axis: "loss", percent: false, legendAtTop: true)
        if accuracies.contains(where: { $0.2.contains { $0 != nil } }) {
            out += panel(x: 500, width: 340, epochs: epochs, series: accuracies, axis: "accuracy (%)", percent: true, legendAtTop: false)
        }
        return out + "</svg>\n"
    }

    /// One panel: a frame, ticks on both axes, a polyline per series and a legend.
    private func panel(x: Double, width: Double, epochs: [Double], series: [(String, String, [Double?], Bool)], axis: String, percent: Bool,
                       legendAtTop: Bool) -> String {
        let top = 50.0, bottom = LearningCurvePlot.height - 50
        let values = series.flatMap { $0.2.compactMap { $0 } }.filter(\.isFinite)
        guard !values.isEmpty, let lastEpoch = epochs.last else { return "" }
        var low = values.min()!, high = values.max()!
        if percent { high = min(100, high); low = max(0, low) }
        if high - low < 1e-12 { low -= 0.5; high += 0.5 }
        let yTicks = LearningCurvePlot.ticks(low, high)
        low = min(low, yTicks.first!); high = max(high, yTicks.last!)
        let xTicks = LearningCurvePlot.ticks(0, max(1, lastEpoch)).filter { $0 == $0.rounded() }
        let xHigh = max(max(1, lastEpoch), xTicks.last ?? 1)
        func px(_ e: Double) -> Double { x + e / xHigh * width }
        func py(_ v: Double) -> Double { bottom - (v - low) / (high - low) * (bottom - top) }
        var out = "<g>\n<rect x=\"\(x)\" y=\"\(top)\" width=\"\(width)\" height=\"\(bottom - top)\" fill=\"none\" stroke=\"#888\"/>\n"
        for t in yTicks {
            out += "<line x1=\"\(x)\" x2=\"\(x + width)\" y1=\"\(py(t))\" y2=\"\(py(t))\" stroke=\"#eee\"/>"
            out += "<text x=\"\(x - 6)\" y=\"\(py(t) + 4)\" text-anchor=\"end\">\(LearningCurvePlot.label(t))</text>\n"
        }
        for t in xTicks {
            out += "<line x1=\"\(px(t))\" x2=\"\(px(t))\" y1=\"\(bottom)\" y2=\"\(bottom + 4)\" stroke=\"#888\"/>"
            out += "<text x=\"\(px(t))\" y=\"\(bottom + 17)\" text-anchor=\"middle\">\(LearningCurvePlot.label(t))</text>\n"
        }
        out += "<text x=\"\(x + width / 2)\" y=\"\(bottom + 36)\" text-anchor=\"middle\">epoch</text>\n"
        out += "<text transform=\"translate(\(x - 44) \((top + bottom) / 2)) rotate(-90)\" text-anchor=\"middle\">\(escapedXML(axis))</text>\n"
        let shownSeries = series.filter { $0.2.contains { $0 != nil } }
        var legendY = legendAtTop ? top + 18 : bottom - 10 - 16 * Double(shownSeries.count - 1)
        out += "<rect x=\"\(x + width - 158)\" y=\"\(legendY - 14)\" width=\"150\" height=\"\(16 * Double(shownSeries.count) + 4)\" fill=\"white\" fill-opacity=\"0.85\"/>\n"
        for (name, colour, points, dashed) in series {
            let drawn = zip(epochs, points).compactMap { e, v in v.flatMap { $0.isFinite ? "\(px(e)),\(py(min(max($0, low), high)))" : nil } }
            guard !drawn.isEmpty else { continue }
            let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
            out += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(drawn.joined(separator: " "))\"/>\n"
            out += "<line x1=\"\(x + width - 150)\" x2=\"\(x + width - 124)\" y1=\"\(legendY - 4)\" y2=\"\(legendY - 4)\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
            out += "<text x=\"\(x + width - 118)\" y=\"\(legendY)\">\(escapedXML(name))</text>\n"
            legendY += 16
        }
        return out + "</g>\n"
    }

    /// Round ticks covering [low, high]: 1, 2 or 5 times a power of ten apart, about five of them.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = max(high - low, 1e-12)
        let rough = span / 5
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = floor(low / step) * step, last = ceil(high / step) * step
        return stride(from: first, through: last + step / 2, by: step).map { ($0 / step).rounded() * step }
    }

    static func label(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e6 { return String(Int(v)) }
        let s = String(format: "%.3g", v)
        return s
    }
}
