/// The API described for programs (OpenAPI 3.1), served at `GET /openapi.json`; a test sends
/// every documented request and holds the answers to it.
enum OpenAPIDocument {
    static let json = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Nabla",
        "version": "1.0.0",
        "description": "Jacobians of compositions, worked solutions and the checking of worked solutions: the contracts of the nabla command line (solve --format json, check --format json, solve --steps)."
      },
      "paths": {
        "/api/solve": {
          "post": {
            "summary": "Solve a .nabla file or a sheet: the JSON of `nabla solve --format json`.",
            "parameters": [{"name": "wrt", "in": "query", "required": false, "description": "The variables of every target, separated by commas.", "schema": {"type": "string"}}],
            "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string", "maxLength": 262144}}}},
            "responses": {
              "200": {"description": "The results.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Results"}}}},
              "413": {"description": "The body is larger than 256 KiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "422": {"description": "The text cannot be used, or the computation ran out of time.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "503": {"description": "Every worker is busy and the queue is full.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}
            }
          }
        },
        "/api/check": {
          "post": {
            "summary": "Check a worked solution: the JSON of `nabla check --format json`, every entry of every claim with its verdict.",
            "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string", "maxLength": 262144}}}},
            "responses": {
              "200": {"description": "The report.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
              "413": {"description": "The body is larger than 256 KiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "422": {"description": "The text cannot be used.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "503": {"description": "Every worker is busy and the queue is full.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}
            }
          }
        },
        "/api/steps": {
          "post": {
            "summary": "The worked solution, as `nabla solve --steps` writes it.",
            "parameters": [
              {"name": "lang", "in": "query", "required": false, "schema": {"type": "string", "enum": ["en", "fr"]}},
              {"name": "format", "in": "query", "required": false, "schema": {"type": "string", "enum": ["latex", "markdown", "html"], "default": "html"}}
            ],
            "requestBody": {"required": true, "content": {"text/plain": {"schema": {"type": "string", "maxLength": 262144}}}},
            "responses": {
              "200": {"description": "The document.", "content": {"text/html": {"schema": {"type": "string"}}, "application/x-tex": {"schema": {"type": "string"}}, "text/markdown": {"schema": {"type": "string"}}}},
              "400": {"description": "An unknown format.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "413": {"description": "The body is larger than 256 KiB.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "422": {"description": "The text cannot be used, or the computation ran out of time.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}},
              "503": {"description": "Every worker is busy and the queue is full.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}
            }
          }
        },
        "/healthz": {
          "get": {"summary": "Whether the server answers.", "responses": {"200": {"description": "It does.", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
        }
      },
      "components": {
        "schemas": {
          "Errors": {"type": "object", "required": ["errors"], "properties": {"errors": {"type": "array", "items": {"type": "string"}}}},
          "Results": {"type": "object", "required": ["results"], "properties": {"results": {"type": "array", "items": {"type": "object", "required": ["target", "command", "variables", "jacobian"], "properties": {
            "target": {"type": "string"}, "command": {"type": "string"}, "variables": {"type": "array", "items": {"type": "string"}},
            "jacobian": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}}},
            "warnings": {"type": "array", "items": {"type": "object"}}}},
          "Report": {"type": "object", "required": ["claims", "errors", "warnings", "summary"], "properties": {
            "claims": {"type": "array", "items": {"type": "object", "required": ["line", "column", "target", "verdict", "entries"]}},
            "errors": {"type": "array"}, "warnings": {"type": "array"},
            "summary": {"type": "object", "required": ["claims", "correct", "wrong", "unchecked"]}}}
        }
      }
    }

    """
}
