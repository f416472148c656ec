/// A date as the author wrote it.
///
/// A bare `2024-03-19` is a calendar date: it is shown as March 19 everywhere, whatever time zone
/// the build machine is in. A date with a time keeps its own UTC offset, so it is shown on the
/// author's calendar day and sorted by the instant it names.
public struct ContentDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int = 0
    public var minute: Int = 0
    public var second: Int = 0
    /// Offset from UTC in minutes; nil for a bare date or a time without a zone.
    public var utcOffsetMinutes: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `2024-03-19`, `2024-03-19T10:00:00Z`, `2024-03-19 10:00:00 +0800`, `2024-03-19T10:00+08:00`
    /// and fractional seconds; nil for anything else, including impossible dates like February 30.
    public init?(parsing text: String) {
        var scanner = DateScanner(Substring(text.trimmingWhitespace()))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
              let month = scanner.number(digits: 2), scanner.skip("-"),
              let day = scanner.number(digits: 2),
              (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
        if scanner.atEnd { return }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(digits: 2), scanner.skip(":"),
              let minute = scanner.number(digits: 2),
              hour < 24, minute < 60
        else { return nil }
        self.hour = hour
        self.minute = minute
        if scanner.skip(":") {
            guard let second = scanner.number(digits: 2), second < 61 else { return nil }
            self.second = second
            if scanner.skip(".") || scanner.skip(",") {
                guard scanner.skipDigits() else { return nil }
            }
        }
        _ = scanner.skip(" ")
        if scanner.atEnd { return }
        if scanner.skip("Z") || scanner.skip("z") {
            utcOffsetMinutes = 0
        } else {
            let sign: Int
            if scanner.skip("+") { sign = 1 } else if scanner.skip("-") { sign = -1 } else { return nil }
            guard let hours = scanner.number(digits: 2) else { return nil }
            _ = scanner.skip(":")
            let minutes = scanner.number(digits: 2) ?? 0
            guard hours < 24, minutes < 60 else { return nil }
            utcOffsetMinutes = sign * (hours * 60 + minutes)
        }
        guard scanner.atEnd else { return nil }
    }

    /// Seconds since 1970-01-01T00:00:00Z; a date without a zone is taken as UTC.
    public var secondsSinceEpoch: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return days * 86_400 + hour * 3_600 + minute * 60 + second - (utcOffsetMinutes ?? 0) * 60
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }

    /// The day of the week, 0 = Sunday.
    public var weekday: Int {
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        return ((days % 7) + 11) % 7
    }

    /// RFC 3339 text (`2024-03-19T00:00:00Z`), as feeds and sitemaps need.
    public var rfc3339: String {
        let base = "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))T\(hour.zeroPadded(2)):\(minute.zeroPadded(2)):\(second.zeroPadded(2))"
        guard let offset = utcOffsetMinutes, offset != 0 else { return base + "Z" }
        return base + (offset < 0 ? "-" : "+") + (abs(offset) / 60).zeroPadded(2) + ":" + (abs(offset) % 60).zeroPadded(2)
    }

    /// `2024-03-19`, for `<time datetime>` and sitemaps.
    public var isoDate: String { "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))" }

    /// A date from a count of seconds since the epoch, in UTC: for `SOURCE_DATE_EPOCH`.
    public init(secondsSinceEpoch seconds: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        self.init(year: y, month: m, day: d, hour: rest / 3_600, minute: rest % 3_600 / 60, second: rest % 60, utcOffsetMinutes: 0)
    }
}

private extension ContentDate {
    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days-from-civil: exact for the proleptic Gregorian calendar, no Foundation needed.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

}

/// A tiny cursor over date text; dates are too regular to need a general parser.
private struct DateScanner {
    var rest: Substring

    init(_ text: Substring) { rest = text }

    var atEnd: Bool { rest.isEmpty }

    mutating func skip(_ literal: Character) -> Bool {
        guard rest.first == literal else { return false }
        rest = rest.dropFirst()
        return true
    }

    mutating func number(digits: Int) -> Int? {
        let head = rest.prefix(digits)
        guard head.count == digits, head.allSatisfy(\.isASCIIDigit), let value = Int(head) else { return nil }
        rest = rest.dropFirst(digits)
        return value
    }

    mutating func skipDigits() -> Bool {
        let digits = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(digits.count)
        return !digits.isEmpty
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Int {
    /// `7.zeroPadded(2)` is "07": for dates and times, whose fields have fixed widths.
    func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
