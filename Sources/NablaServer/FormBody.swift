import Foundation

/// The fields of a form as a browser posts it: URL-encoded (`text=…&action=check`) or
/// `multipart/form-data` (with a file). A file field's content is its value; a field sent twice
/// keeps its first value.
struct FormBody {
    var fields: [String: String] = [:]

    init(bytes: [UInt8], contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data"), let boundary = FormBody.boundary(in: contentType ?? "") {
            fields = FormBody.multipart(bytes, boundary: boundary)
        } else {
            fields = FormBody.urlEncoded(String(decoding: bytes, as: UTF8.self))
        }
    }

    subscript(_ name: String) -> String? { fields[name] }

    static func urlEncoded(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(String(parts[0])), value = parts.count > 1 ? decode(String(parts[1])) : ""
            if out[name] == nil { out[name] = value }
        }
        return out
    }

    /// `+` is a space, `%XX` a byte; invalid escapes are kept as written.
    static func decode(_ s: String) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static func boundary(in contentType: String) -> String? {
        for piece in contentType.split(separator: ";") {
            let p = piece.trimmingCharacters(in: .whitespaces)
            if p.lowercased().hasPrefix("boundary=") {
                let value = p.dropFirst("boundary=".count)
                return String(value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 ? value.dropFirst().dropLast() : value)
            }
        }
        return nil
    }

    /// The parts between `--boundary` lines: each a block of headers, a blank line, the content.
    private static func multipart(_ bytes: [UInt8], boundary: String) -> [String: String] {
        let delimiter = Array("--\(boundary)".utf8)
        var out: [String: String] = [:]
        var starts: [Int] = []
        var i = 0
        while i + delimiter.count <= bytes.count {
            if bytes[i] == delimiter[0], Array(bytes[i..<(i + delimiter.count)]) == delimiter { starts.append(i); i += delimiter.count } else { i += 1 }
        }
        for (k, start) in starts.enumerated() where k + 1 < starts.count {
            var part = Array(bytes[(start + delimiter.count)..<starts[k + 1]])
            if part.starts(with: [13, 10]) { part.removeFirst(2) }
            if part.suffix(2) == [13, 10] { part.removeLast(2) }
            guard let split = headerEnd(part) else { continue }
            let headers = String(decoding: part[..<split], as: UTF8.self)
            let content = Array(part[(split + 4)...])
            guard let name = disposition(headers, "name") else { continue }
            if out[name] == nil { out[name] = String(decoding: content, as: UTF8.self) }
            if let file = disposition(headers, "filename"), out["\(name).filename"] == nil { out["\(name).filename"] = file }
        }
        return out
    }

    private static func headerEnd(_ part: [UInt8]) -> Int? {
        guard part.count >= 4 else { return nil }
        for j in 0...(part.count - 4) where part[j] == 13 && part[j + 1] == 10 && part[j + 2] == 13 && part[j + 3] == 10 { return j }
        return nil
    }

    /// `name="text"` in a Content-Disposition header.
    private static func disposition(_ headers: String, _ key: String) -> String? {
        guard let range = headers.range(of: "; \(key)=\"") else { return nil }
        let rest = headers[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
