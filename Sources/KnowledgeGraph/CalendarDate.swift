/// A day of the proleptic Gregorian calendar, the one date type of kg: article dates, `--date`,
/// `--since`, `--until`, document metadata and the gazetteer's terms of office.
///
/// Written and read as ISO 8601 `YYYY-MM-DD`; only days that exist parse (2022-02-30,
/// 2023-02-29 and 2022-13-45 do not, 2024-02-29 does). Ordering is chronological.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day, or nil when it does not exist (month 1–12, day within the month's length).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or a day that does not exist.
    /// - Complexity: O(1).
    public init?(iso text: some StringProtocol) {
        var text = String(text)
        // Read in place: no array per date (the gazetteer has thousands of them).
        let parsed: (Int, Int, Int)? = text.withUTF8 { u in
            guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard (48...57).contains(u[i]) else { return nil }
                    n = n * 10 + Int(u[i] - 48)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        }
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the date at the start of an ISO 8601 date or date-time ("2022-12-30",
    /// "2022-12-30T08:00:00Z", "2022-12-30 08:00"); nil when there is no valid day there.
    public init?(isoPrefix text: some StringProtocol) {
        let u = text.utf8
        guard u.count >= 10 else { return nil }
        let tenth = u.index(u.startIndex, offsetBy: 10)
        guard tenth == u.endIndex || u[tenth] == UInt8(ascii: "T") || u[tenth] == UInt8(ascii: " ") else { return nil }
        self.init(iso: String(decoding: u[u.startIndex..<tenth], as: UTF8.self))
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (negative before it).
    /// - Complexity: O(1) (the civil-from-days algorithm of H. Hinnant).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01; nil outside the years 1–9999.
    public init?(dayNumber z: Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The day `n` days later (earlier for negative `n`).
    public func adding(days n: Int) -> CalendarDate? { CalendarDate(dayNumber: dayNumber + n) }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The ISO 8601 week (`2023-W09`) the day falls in; its year may differ from `year` at the
    /// turn of a year.
    public var isoWeek: String {
        // The Thursday of this week decides the week-year.
        let thursday = CalendarDate(dayNumber: dayNumber - weekday + 4) ?? self
        let jan1 = CalendarDate(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.dayNumber - jan1.dayNumber) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The length of `month` (1–12) in `year`.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
