import Testing
@testable import Glossa

@Suite struct ContentDateTests {
    @Test func bareDateIsACalendarDate() throws {
        let date = try #require(ContentDate(parsing: "2024-03-19"))
        #expect(DateFormat("MMMM d, yyyy").format(date) == "March 19, 2024")
        #expect(date.isoDate == "2024-03-19")
        #expect(date.rfc3339 == "2024-03-19T00:00:00Z")
    }

    @Test func dateTimesKeepTheirOffset() throws {
        let utc = try #require(ContentDate(parsing: "2024-03-19T10:00:00Z"))
        #expect(utc.utcOffsetMinutes == 0)
        let china = try #require(ContentDate(parsing: "2024-03-19 10:00:00 +0800"))
        #expect(china.utcOffsetMinutes == 480)
        #expect(china.day == 19, "shown on the author's calendar day")
        #expect(china < utc, "10:00 in UTC+8 is 02:00 UTC")
        #expect(china.rfc3339 == "2024-03-19T10:00:00+08:00")
        #expect(ContentDate(parsing: "2024-03-19T10:00:00.123-05:30")?.utcOffsetMinutes == -330)
        #expect(ContentDate(parsing: "2024-03-19T10:00")?.hour == 10)
    }

    @Test(arguments: ["2024-13-01", "2023-02-29", "19 March 2024", "2024-03-19T25:00:00Z", "2024-3-9", "2024-03-19 10:00:00 +08x", ""])
    func rejectsImpossibleDates(text: String) {
        #expect(ContentDate(parsing: text) == nil)
    }

    @Test func leapDayAndEpoch() throws {
        #expect(ContentDate(parsing: "2024-02-29") != nil)
        let epoch = ContentDate(secondsSinceEpoch: 1_710_806_400)
        #expect(epoch.isoDate == "2024-03-19")
        #expect(try #require(ContentDate(parsing: "2024-03-19")).secondsSinceEpoch == 1_710_806_400)
    }

    @Test func formatsPatterns() throws {
        let date = try #require(ContentDate(parsing: "2024-03-05T14:07:09Z"))
        #expect(DateFormat("yyyy-MM-dd HH:mm:ss").format(date) == "2024-03-05 14:07:09")
        #expect(DateFormat("EEEE, MMM d ''yy").format(date) == "Tuesday, Mar 5 '24")
        #expect(DateFormat("d 'de' MMMM").format(date) == "5 de March")
    }
}
