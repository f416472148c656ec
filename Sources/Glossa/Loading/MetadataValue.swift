import Foundation
import TOMLKit
import Yams

/// A front matter or `site.yml` value, independent of whether it came from YAML or TOML.
///
/// Known fields are read into typed properties; everything else is kept as this tree and handed
/// to templates as `page.params.<name>`, so a theme can use fields Glossa has never heard of.
public indirect enum MetadataValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case array([MetadataValue])
    case table([String: MetadataValue])
    case null

    /// The scalar as text, whatever its YAML type: `title: 2024` is the title "2024".
    public var text: String? {
        switch self {
        case .string(let value): value
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .array, .table, .null: nil
        }
    }

    /// A list of strings, accepting a single scalar as a one-element list (`tags: go`).
    public var textList: [String]? {
        switch self {
        case .array(let items): items.compactMap(\.text)
        case .null: []
        default: text.map { [$0] }
        }
    }

}

extension MetadataValue: TemplateValueConvertible {
    /// The value as a template sees it. `null` is an empty text, as it was with swift-mustache,
    /// so `{{#page.params.x}}` with `x: ~` still opens.
    public var templateValue: TemplateValue? {
        switch self {
        case .string(let value): .text(value)
        case .bool(let value): .bool(value)
        case .int(let value): .text(String(value))
        case .double(let value): .text(String(value))
        case .array(let items): .list(items)
        case .table(let fields): .object(TemplateParams(fields))
        case .null: .text("")
        }
    }
}

extension MetadataValue {
    init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.string.isEmpty || ["~", "null", "Null", "NULL"].contains(scalar.string) { self = .null; return }
                if let bool = node.bool { self = .bool(bool); return }
                if let int = node.int { self = .int(int); return }
                if let double = node.float, scalar.string.contains(where: \.isNumber) { self = .double(double); return }
            }
            self = .string(scalar.string)
        case .sequence(let sequence):
            self = .array(sequence.map(MetadataValue.init(yaml:)))
        case .mapping(let mapping):
            var fields: [String: MetadataValue] = [:]
            for (key, value) in mapping {
                fields[key.string ?? "\(key)"] = MetadataValue(yaml: value)
            }
            self = .table(fields)
        case .alias:
            self = .null
        }
    }

    init(toml value: TOMLValueConvertible) {
        switch value.type {
        case .string: self = .string(value.string ?? "")
        case .bool: self = .bool(value.bool ?? false)
        case .int: self = .int(value.int ?? 0)
        case .double: self = .double(value.double ?? 0)
        case .date:
            self = .string(value.date.map { Self.tomlDateText($0) } ?? "")
        case .dateTime:
            self = .string(value.dateTime.map(Self.tomlDateTimeText) ?? "")
        case .time:
            self = .string(value.time.map { Self.tomlTimeText($0) } ?? "")
        case .array:
            self = .array((value.array ?? TOMLArray()).map { MetadataValue(toml: $0) })
        case .table:
            var fields: [String: MetadataValue] = [:]
            for (key, item) in value.table ?? TOMLTable() {
                fields[key] = MetadataValue(toml: item)
            }
            self = .table(fields)
        }
    }

    private static func tomlDateText(_ date: TOMLDate) -> String {
        "\(date.year.zeroPadded(4))-\(date.month.zeroPadded(2))-\(date.day.zeroPadded(2))"
    }

    private static func tomlTimeText(_ time: TOMLTime) -> String {
        "\(time.hour.zeroPadded(2)):\(time.minute.zeroPadded(2)):\(time.second.zeroPadded(2))"
    }

    /// TOML date-times become the same text a YAML author would write, so one date parser serves both.
    private static func tomlDateTimeText(_ value: TOMLDateTime) -> String {
        var text = tomlDateText(value.date) + "T" + tomlTimeText(value.time)
        if let minutes = value.offset?.offset {
            text += minutes == 0 ? "Z" : (minutes < 0 ? "-" : "+") + (abs(minutes) / 60).zeroPadded(2) + ":" + (abs(minutes) % 60).zeroPadded(2)
        }
        return text
    }

}
