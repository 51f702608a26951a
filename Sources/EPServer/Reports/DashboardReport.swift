import Crypto
import EPDomain
import Foundation

/// The printable report a leader takes to a board: one self-contained HTML page (no scripts,
/// fonts or styles from elsewhere) with charts drawn here as inline SVG, the figures behind
/// them, and their definitions. Laid out for A4 portrait and a laptop screen alike.
package enum DashboardReport {
    static func html(_ dashboard: Dashboard, title: String) -> String {
        let request = dashboard.request
        let body = """
            <header><h1>\(HTML.escape(title))</h1>
            <p>\(HTML.escape(scope(request)))</p></header>
            \(sections(dashboard))
            """
        return document(title: title, body: body)
    }

    /// What the report is about: the period, the as-of date and whether numbers are withheld.
    /// (Each figure says which day puts a child or a result in the period: see its definition.)
    package static func scope(_ request: DashboardRequest) -> String {
        "Figures from \(request.from.written) to \(request.to.written), as recorded by \(request.asOf.written). "
            + (request.suppressSmallNumbers
                ? "As this view spans more than one agency, counts from 1 to \(request.threshold), and any figure from which one could be worked out, "
                    + "here or by comparing this view with another as recorded by the same day, are withheld (shown as ▪). "
                    + "A period that crosses the end of a calendar year shows a count only where its part in each year does."
                : "Exact figures for the local authority's own cases.")
    }

    /// The charts, their notes and the definitions: the report's body, also shown inside the
    /// leaders' dashboard page.
    package static func sections(_ dashboard: Dashboard) -> String {
        var html = ""
        html += counts(dashboard, "cases_by_state", first: "All children",
                       note: "Children whose start (the referral, or the start of planning) is in the period, by their journey's state on the as-of day.")
        html += counts(dashboard, "ep_placements", first: "The whole period",
                       note: "Children first placed with EP carers in the period, by quarter of that placement.")
        html += counts(dashboard, "ep_placement_outcomes", first: "All EP placements",
                       note: "The same children, by where they live on the as-of day.")
        html += counts(dashboard, "family_time", first: "All sessions",
                       note: "Family time sessions in the period, by whether they took place.")
        html += section(figureLabel("ep_conversion"), chart: bars(rates(dashboard, "ep_conversion"), asPercent: true),
                        note: "Children first recommended for EP, whose recommendation still stands, placed with EP carers; by quarter of the recommendation, then by ethnicity group, age band, sibling group and disability (Standard 1.4). Pending: the placement is not due yet.")
        html += section(figureLabel("ep_share"), chart: bars(rates(dashboard, "ep_share"), asPercent: true),
                        note: "Children living with EP carers on the day authority to place came (a placement order or consent); comparable with national EP placement shares, about 3% to 35% across England.")
        html += section(figureLabel("ep_considered"), chart: bars(rates(dashboard, "ep_considered"), asPercent: true),
                        note: "Children with an adoption plan in view (proceedings, an adoption request or authority to place) with EP decided, recommended or not suitable; a deferral does not count (Quality Mark 1.3). Pending: the decision is not due yet.")
        html += section(figureLabel("duration_days"), chart: durations(dashboard),
                        note: "Bars show the median; the tick shows the 90th percentile; n is the number of children. The means of placement order to formal match and of entry to care to moving in are the DfE adoption scorecard's A2 and A10.")
        html += section(figureLabel("rule_compliance"), chart: bars(ruleCompliance(dashboard), asPercent: true),
                        note: "Met as a share of met, late and overdue results for each rule of the policy in force, each result counted in the period its due date falls in; pending results (not yet due) are shown beside the rate, not in it.")
        html += "<section class=\"definitions\"><h2>What each figure counts</h2><dl>"
        for (name, text) in dashboard.definitions.sorted(by: { $0.key < $1.key }) {
            html += "<dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(text))</dd>"
        }
        html += "</dl></section>"
        return html
    }

    private static func document(title: String, body: String) -> String {
        return """
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>\(stylesheet)</style></head><body>
            \(body)
            </body></html>
            """
    }

    /// The report's only styles, inline so that the page is one self-contained file; the
    /// Content-Security-Policy allows exactly this text by its hash and nothing else.
    static let stylesheet = """
        @page { size: A4 portrait; margin: 15mm; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #1d1d1f; max-width: 180mm; margin: 0 auto; padding: 1rem; line-height: 1.4; }
        h1 { font-size: 1.5rem; margin-bottom: 0.25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        section { break-inside: avoid; page-break-inside: avoid; } .note { color: #555; font-size: 0.85rem; }
        svg { width: 100%; height: auto; } svg text { font-size: 11px; fill: #1d1d1f; }
        .definitions { break-before: page; font-size: 0.8rem; } dt { font-weight: 600; margin-top: 0.5rem; } dd { margin: 0 0 0 1rem; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.25rem 0; } th, td { text-align: left; padding: 0.15rem 0.75rem 0.15rem 0; border-bottom: 1px solid #d8dde3; }
        td { font-variant-numeric: tabular-nums; } summary { cursor: pointer; font-size: 0.85rem; }
        """

    /// The policy the report is served with: no scripts, no requests anywhere, the inline
    /// stylesheet by hash, no framing, no referrer.
    static let contentSecurityPolicy: String = {
        let hash = Data(SHA256.hash(data: Data(stylesheet.utf8))).base64EncodedString()
        return "default-src 'none'; style-src 'sha256-\(hash)'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }()

    /// A labelled value in 0...1 (or nil when suppressed or undefined) with its fraction.
    struct Bar {
        let label: String
        let value: Double?
        let detail: String
        let tick: Double?
        var suppressed = false
    }

    /// A figure by its title in plain English, its id beside it for reference.
    static func figureLabel(_ name: String) -> String {
        "\(figureTitles[name] ?? name) (\(name))"
    }

    static let figureTitles: [String: String] = [
        "cases_by_state": "Children by journey state",
        "ep_placements": "EP placements",
        "ep_conversion": "EP conversion",
        "ep_share": "EP share",
        "ep_considered": "EP considered",
        "duration_days": "Days between milestones",
        "rule_compliance": "Rule compliance",
        "ep_placement_outcomes": "EP placement outcomes",
        "family_time": "Family time",
    ]

    /// A rate's bars: each quarter, then each equality breakdown.
    private static func rates(_ dashboard: Dashboard, _ name: String) -> [Bar] {
        let rows = dashboard.figures.filter { $0.name == name && $0.statistic == "rate" }
        let whole = rows.filter { $0.period.isEmpty && $0.breakdown.isEmpty }
        let ordered = whole + rows.filter { !$0.period.isEmpty && $0.breakdown.isEmpty } + rows.filter { !$0.breakdown.isEmpty && $0.period.isEmpty }
        return ordered.map { figure in
            Bar(label: figure.period.isEmpty ? (figure.breakdown.isEmpty ? "The whole period" : readable(figure.breakdown)) : figure.period,
                value: figure.suppressed ? nil : figure.value,
                detail: fraction(figure, pending: pending(dashboard, figure)), tick: nil, suppressed: figure.suppressed)
        }
    }

    private static func ruleCompliance(_ dashboard: Dashboard) -> [Bar] {
        dashboard.figures.filter { $0.name == "rule_compliance" && $0.statistic == "rate" }.map { figure in
            Bar(label: ruleLabel(figure.breakdown), value: figure.suppressed ? nil : figure.value,
                detail: fraction(figure, pending: pending(dashboard, figure)), tick: nil, suppressed: figure.suppressed)
        }
    }

    /// The `pending` row beside a rate row, if the figure has one.
    private static func pending(_ dashboard: Dashboard, _ rate: Figure) -> Figure? {
        dashboard.figures.first { $0.name == rate.name && $0.breakdown == rate.breakdown && $0.period == rate.period && $0.statistic == "pending" }
    }

    /// A rule by its title in plain English, its id beside it for reference.
    static func ruleLabel(_ breakdown: String) -> String {
        let id = breakdown.split(separator: "=", maxSplits: 1).last.map(String.init) ?? breakdown
        guard let rule = RuleCatalogue.rule(id: id) else { return readable(breakdown) }
        return "\(rule.title) (\(id))"
    }

    /// A day as people write it in England: 7 July 2025.

    private static func durations(_ dashboard: Dashboard) -> String {
        let measures = dashboard.figures.filter { $0.name == "duration_days" && $0.statistic == "median" }.map(\.breakdown)
        func value(_ breakdown: String, _ statistic: String) -> Figure? {
            dashboard.figures.first { $0.name == "duration_days" && $0.breakdown == breakdown && $0.statistic == statistic }
        }
        let longest = max(1, measures.compactMap { value($0, "p90")?.value }.max() ?? 1)
        let bars = measures.map { measure -> Bar in
            let median = value(measure, "median")
            let p90 = value(measure, "p90")
            let mean = value(measure, "mean")
            let n = value(measure, "n")
            let shown = n?.suppressed == true ? "▪" : (n?.value).map { String(Int($0)) } ?? "0"
            var detail = median?.value.map { "median \(Int($0)), p90 \(Int(p90?.value ?? 0))" } ?? ""
            if let mean, let average = mean.value { detail += (detail.isEmpty ? "" : ", ") + "mean \(Int(average))" }
            detail = detail.isEmpty ? "n \(shown)" : detail + " days, n \(shown)"
            return Bar(
                label: readable(measure), value: median?.value.map { $0 / longest }, detail: detail, tick: p90?.value.map { $0 / longest },
                suppressed: median?.suppressed == true
            )
        }
        return self.bars(bars, asPercent: false)
    }

    /// The figure of a bar in words: "75% (6/8, 2 pending)", "median 70, p90 104 days, n 8".
    private static func words(_ bar: Bar, asPercent: Bool) -> String {
        let value = bar.value.map { String(format: "%.0f%%", $0 * 100) } ?? (bar.suppressed ? "▪ withheld" : "")
        return (asPercent ? value + " " + bar.detail : bar.detail).trimmingCharacters(in: .whitespaces)
    }

    /// Horizontal bars, one per row: the label, the bar, and the figure in words. A label too
    /// long for its column (a rule's title) takes a line of its own above its bar. The same rows
    /// follow as a table, the chart's text alternative (WCAG 1.1.1, 1.3.1): a screen reader
    /// reads the rows and their figures, not a picture's name.
    private static func bars(_ bars: [Bar], asPercent: Bool) -> String {
        guard !bars.isEmpty else { return "<p class=\"note\">No figures for this period.</p>" }
        let rows = bars.map { ($0.label, words($0, asPercent: asPercent)) }
        return chart(bars, asPercent: asPercent) + "<details><summary>The figures as a table</summary>" + table(rows, columns: ("Row", "Figure")) + "</details>"
    }

    /// Rows of a label and its figure as a table, under the two column headings.
    private static func table(_ rows: [(String, String)], columns: (String, String)) -> String {
        var html = "<table><thead><tr><th scope=\"col\">\(HTML.escape(columns.0))</th><th scope=\"col\">\(HTML.escape(columns.1))</th></tr></thead><tbody>"
        for (label, figure) in rows {
            html += "<tr><th scope=\"row\">\(HTML.escape(label))</th><td>\(HTML.escape(figure))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// A count family (a total and its parts, by breakdown or by quarter) as a table: counts are
    /// read, not compared by length.
    private static func counts(_ dashboard: Dashboard, _ name: String, first: String, note: String) -> String {
        let rows = dashboard.figures.filter { $0.name == name && $0.statistic == "count" }
        let ordered = rows.filter { $0.breakdown.isEmpty && $0.period.isEmpty } + rows.filter { !($0.breakdown.isEmpty && $0.period.isEmpty) }
        let table = table(ordered.map { figure in
            let label = figure.breakdown.isEmpty && figure.period.isEmpty ? first : figure.period.isEmpty ? readable(figure.breakdown) : figure.period
            return (label, figure.suppressed ? "▪ withheld" : figure.value.map { String(Int($0)) } ?? "0")
        }, columns: (name == "ep_placements" ? "Period" : "Row", name == "family_time" ? "Children (sessions)" : "Children"))
        return "<section><h2>\(HTML.escape(figureLabel(name)))</h2>\(table)<p class=\"note\">\(HTML.escape(note))</p></section>"
    }

    private static func chart(_ bars: [Bar], asPercent: Bool) -> String {
        let rowHeight = 22
        let labelColumn = 34  // characters that fit before the bars start, at 11 px
        let height = bars.reduce(10) { $0 + rowHeight * ($1.label.count > labelColumn ? 2 : 1) }
        var svg = "<svg viewBox=\"0 0 770 \(height)\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
        var y = 5
        for bar in bars {
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(HTML.escape(bar.label))</text>"
            if bar.label.count > labelColumn { y += rowHeight }
            svg += "<rect x=\"220\" y=\"\(y + 3)\" width=\"210\" height=\"14\" fill=\"#eef1f5\"/>"
            if let value = bar.value {
                svg += "<rect x=\"220\" y=\"\(y + 3)\" width=\"\(Int((210 * min(max(value, 0), 1)).rounded()))\" height=\"14\" fill=\"#2f6690\"/>"
            } else {
                svg += "<text x=\"225\" y=\"\(y + 14)\">\(bar.suppressed ? "▪ withheld" : "no children")</text>"
            }
            if let tick = bar.tick {
                let x = 220 + Int((210 * min(max(tick, 0), 1)).rounded())
                svg += "<line x1=\"\(x)\" y1=\"\(y + 1)\" x2=\"\(x)\" y2=\"\(y + 19)\" stroke=\"#c44536\" stroke-width=\"2\"/>"
            }
            let figure = bar.value == nil ? bar.detail : words(bar, asPercent: asPercent)
            svg += "<text x=\"440\" y=\"\(y + 14)\">\(HTML.escape(figure))</text>"
            y += rowHeight
        }
        return svg + "</svg>"
    }

    /// A chart under its heading. The chart is an image to assistive technology, named by the
    /// heading; the table after it holds its figures.
    private static func section(_ heading: String, chart: String, note: String) -> String {
        let named = chart.replacingOccurrences(
            of: "role=\"img\"", with: "role=\"img\" aria-label=\"Chart: \(HTML.escape(heading)); its figures are in the table after it\""
        )
        return "<section><h2>\(HTML.escape(heading))</h2>\(named)<p class=\"note\">\(HTML.escape(note))</p></section>"
    }

    /// "(numerator/denominator)", with the pending count beside it when the figure has one.
    private static func fraction(_ figure: Figure, pending: Figure? = nil) -> String {
        let numerator = figure.numerator.map(String.init) ?? "▪"
        let denominator = figure.denominator.map(String.init) ?? "▪"
        guard let pending else { return "(\(numerator)/\(denominator))" }
        let waiting = pending.value.map { String(Int($0)) } ?? "▪"
        return "(\(numerator)/\(denominator), \(waiting) pending)"
    }

    private static func readable(_ breakdown: String) -> String {
        let value = breakdown.split(separator: "=", maxSplits: 1).last.map(String.init) ?? breakdown
        let key = breakdown.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
        let text = value.replacingOccurrences(of: "_", with: " ")
        return key == "rule" || key == "measure" || key.isEmpty ? text : "\(key.replacingOccurrences(of: "_", with: " ")): \(text)"
    }
}
