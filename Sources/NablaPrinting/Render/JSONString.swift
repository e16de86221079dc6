import NablaDocument

/// `s` as a JSON string literal, quotes included.
package func jsonString(_ s: String) -> String {
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        return "\"" + s + "\""
    }
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

extension Diagnostic {
    /// `{"line": …, "column": …, "message": …}`, as the JSON outputs list problems (0 when no place).
    package var jsonObject: String {
        "{\"line\": \(location?.line ?? 0), \"column\": \(location?.column ?? 0), \"message\": \(jsonString(message))}"
    }
}
