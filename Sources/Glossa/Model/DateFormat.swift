/// Formats dates with the Unicode pattern letters `site.yml`'s `dateFormat` uses ("MMMM d, yyyy").
///
/// Written out rather than delegated to Foundation's `DateFormatter` so that output never depends
/// on the build machine's locale data or time zone, and so one value can be shared by every
/// rendering task. Month and day names come from the site's language table.
public struct DateFormat: Sendable, Hashable {
    public var pattern: String
    public var language: String

    public init(_ pattern: String, language: String = "en") {
        self.pattern = pattern
        self.language = language
    }

    public func format(_ date: ContentDate) -> String {
        var output = ""
        var chars = pattern[...]
        while let first = chars.first {
            if first == "'" {
                chars = chars.dropFirst()
                if chars.first == "'" { output.append("'"); chars = chars.dropFirst(); continue }
                let literal = chars.prefix { $0 != "'" }
                output += literal
                chars = chars.dropFirst(literal.count + 1)
                continue
            }
            guard first.isLetter, first.isASCII else {
                output.append(first)
                chars = chars.dropFirst()
                continue
            }
            let run = chars.prefix { $0 == first }
            chars = chars.dropFirst(run.count)
            output += field(first, width: run.count, of: date)
        }
        return output
    }
}

private extension DateFormat {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]
    static let englishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    func field(_ letter: Character, width: Int, of date: ContentDate) -> String {
        switch letter {
        case "y": width == 2 ? (date.year % 100).zeroPadded(2) : date.year.zeroPadded(width)
        case "M", "L":
            switch width {
            case 1, 2: date.month.zeroPadded(width)
            case 3: String(Self.englishMonths[date.month - 1].prefix(3))
            default: Self.englishMonths[date.month - 1]
            }
        case "d": date.day.zeroPadded(width)
        case "E": width >= 4 ? Self.englishWeekdays[date.weekday] : String(Self.englishWeekdays[date.weekday].prefix(3))
        case "H": date.hour.zeroPadded(width)
        case "h": (date.hour % 12 == 0 ? 12 : date.hour % 12).zeroPadded(width)
        case "m": date.minute.zeroPadded(width)
        case "s": date.second.zeroPadded(width)
        case "a": date.hour < 12 ? "AM" : "PM"
        default: String(repeating: letter, count: width)
        }
    }

}
