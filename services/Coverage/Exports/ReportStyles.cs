namespace Samverkan.Coverage.Exports;

/// <summary>The report's stylesheet: readable on screen, A4 landscape in print, table headers repeated on every page.</summary>
internal static class ReportStyles
{
    public const string Css = """
        body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #111; margin: 2em; }
        h1 { font-size: 16pt; margin-bottom: 0.2em; }
        h2 { font-size: 13pt; margin-top: 1.6em; }
        h3 { font-size: 11pt; margin: 1.2em 0 0.4em; }
        p.meta { color: #444; margin-top: 0; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
        th, td { border: 1px solid #888; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; }
        .none { color: #666; font-style: italic; }
        table.forums { table-layout: fixed; }
        table.forums th:nth-child(1) { width: 14%; }
        table.forums th:nth-child(2) { width: 14%; }
        table.forums th:nth-child(3) { width: 24%; }
        table.forums th:nth-child(4) { width: 16%; }
        table.forums th:nth-child(5) { width: 12%; }
        table.forums th:nth-child(6) { width: 10%; }
        table.forums th:nth-child(7) { width: 10%; }
        tr.sub td:first-child { padding-left: 1.4em; }
        .part-of { color: #444; font-size: 90%; }
        .dormant { color: #8a1c1c; }
        .unknown { color: #5c4a00; }
        .warnings { border-left: 4px solid #c98a00; padding: 0.4em 0.8em; background: #fff7e0; }
        ul { margin: 0; padding-left: 1.2em; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { margin: 0; font-size: 9pt; }
          h2 { break-before: page; }
          h2.first { break-before: avoid; }
          thead { display: table-header-group; }
          tr, li { break-inside: avoid; }
          th { background: #e8e8e8 !important; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        """;
}
