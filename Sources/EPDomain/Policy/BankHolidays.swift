import Yams

/// Parses a bank holidays file (Policies/bank-holidays/*.yaml) into a working-day calendar.
public enum BankHolidays {
    public static func parse(yaml: String, file: String) throws(PolicyLoadError) -> WorkingCalendar {
        var reader = YAMLReader(file: file)
        guard let root = reader.compose(yaml),
              let top = reader.mapping(root, allowed: ["name", "holidays"], what: "the bank holidays file")
        else { throw PolicyLoadError(problems: reader.problems) }
        let name = reader.string(top["name"], "name", in: "the bank holidays file", parent: root)
        var dates = Set<CalendarDate>()
        if let list = top["holidays"]?.sequence {
            for item in list {
                guard let entry = reader.mapping(item, allowed: ["date", "name"], what: "a holiday") else { continue }
                guard let text = entry["date"]?.scalar?.string, let date = CalendarDate(iso: text) else {
                    reader.problem("a holiday needs 'date' as YYYY-MM-DD", at: item)
                    continue
                }
                if !dates.insert(date).inserted { reader.problem("\(date) is listed twice", at: item) }
            }
        } else {
            reader.problem("the bank holidays file needs 'holidays', a list of {date, name}", at: root)
        }
        guard reader.problems.isEmpty, let name else { throw PolicyLoadError(problems: reader.problems) }
        return WorkingCalendar(name: name, bankHolidays: dates)
    }
}
