using System.Globalization;
using System.Text;
using Samverkan.Coverage.Analysis;
using static Samverkan.Coverage.Exports.ReportMarkup;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// The printable report (GET /api/exports/report.html): the 2018 mapping's tables drawn from
/// live data — institutions per region, every body per region with purpose and meetings
/// (<see cref="ReportForums"/>), coverage — with the
/// date it was produced. Every piece of data is HTML-encoded; the page loads nothing else. The
/// markup is also well-formed XML (XHTML syntax), so any HTML or XML parser reads it.
/// </summary>
public static class ReportHtml
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static string Write(ExportData data)
    {
        var produced = TimeZoneInfo.ConvertTime(data.ProducedAt, Stockholm).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<title>Collaboration forums per healthcare region, ").Append(H(Iso(data.AsOf))).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyles.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Collaboration forums per healthcare region</h1>\n")
            .Append("<p class=\"meta\">Produced <time datetime=\"").Append(H(data.ProducedAt.ToString("O", CultureInfo.InvariantCulture)))
            .Append("\">").Append(H(produced)).Append("</time> (Swedish time) from the registry as on <time>").Append(H(Iso(data.AsOf)))
            .Append("</time>. A forum counts as active when a meeting is recorded in the ").Append(data.DormantAfterMonths)
            .Append(" months before that date.</p>\n");
        Warnings(html, data.National.Warnings);
        Institutions(html, data);
        ReportForums.Write(html, data);
        CoverageTable(html, data);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Institutions(StringBuilder html, ExportData data)
    {
        html.Append("<h2 class=\"first\">Institutions per healthcare region</h2>\n<table>\n<thead><tr><th>Healthcare region</th>")
            .Append("<th>County councils / regions</th><th>Universities with health education</th></tr></thead>\n<tbody>\n");
        foreach (var region in data.Regions)
        {
            html.Append("<tr><td>").Append(H(region.Name)).Append("<br />(").Append(H(region.OrdinanceName)).Append(")</td>");
            foreach (var kind in new[] { InstitutionInfo.CountyCouncil, InstitutionInfo.University })
            {
                var members = region.Members.Where(m => data.Institutions.GetValueOrDefault(m.InstitutionId)?.Kind == kind)
                    .Select(m => data.NameOf(m.InstitutionId) + (m.Partial ? $" (partial{(m.Note is null ? "" : ": " + m.Note)})" : ""));
                html.Append("<td>").Append(List(members)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void CoverageTable(StringBuilder html, ExportData data)
    {
        html.Append("<h2>Coverage on ").Append(H(Iso(data.AsOf))).Append("</h2>\n<table>\n<thead><tr><th>Healthcare region</th>")
            .Append("<th>Primary forum (all county councils and universities, active)</th><th>Covers all but dormant</th>")
            .Append("<th>Active forums with some</th><th>In no forum</th><th>Only in dormant forums</th></tr></thead>\n<tbody>\n");
        foreach (var row in data.National.Regions)
        {
            html.Append("<tr><td>").Append(H(row.RegionName)).Append("</td><td>").Append(List(row.PrimaryForums.Select(f => f.Name)))
                .Append("</td><td>").Append(List(row.CoversAllButDormant.Select(f => f.Name)))
                .Append("</td><td>").Append(List(row.ForumsWithSome.Select(f => f.Name)))
                .Append("</td><td>").Append(List(row.InNoForum.Select(i => i.Name)))
                .Append("</td><td>").Append(List(row.OnlyInDormantForums.Select(i => i.Name))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        var age = data.National.DataAge;
        // As precisely as known: the seed's newest meeting is "spring 2018", which has no day.
        html.Append("<p class=\"meta\">Newest known meeting: ").Append(H(age.NewestMeeting?.ToString() ?? "none"))
            .Append(". Newest verification of a forum description: ").Append(H(age.NewestVerified?.ToString() ?? "none")).Append(".</p>\n");
    }

    private static void Warnings(StringBuilder html, IReadOnlyList<string> warnings)
    {
        if (warnings.Count > 0)
        {
            html.Append("<div class=\"warnings\"><strong>Read with care:</strong>").Append(List(warnings)).Append("</div>\n");
        }
    }
}
