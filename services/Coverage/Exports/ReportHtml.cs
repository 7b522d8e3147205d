using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Samverkan.Coverage.Analysis;
using Samverkan.Text;
using Samverkan.Coverage.Model;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// The printable report (GET /api/exports/report.html): the 2018 mapping's tables drawn from
/// live data — institutions per region, forums per region with purpose, coverage — with the
/// date it was produced. Every piece of data is HTML-encoded; the page loads nothing else. The
/// markup is also well-formed XML (XHTML syntax), so any HTML or XML parser reads it.
/// </summary>
public static class ReportHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
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
        Forums(html, data);
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

    private static void Forums(StringBuilder html, ExportData data)
    {
        html.Append("<h2>Forums per healthcare region</h2>\n");
        foreach (var region in data.Regions)
        {
            var forums = data.Forums.Where(f => f.ParentId is null && f.RegionIds.Contains(region.Id)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            html.Append("<h3>").Append(H(region.Name)).Append("</h3>\n");
            if (forums.Count == 0)
            {
                html.Append("<p>No forum is registered for this region.</p>\n");
                continue;
            }
            html.Append("<table class=\"forums\">\n<thead><tr><th>Forum</th><th>Participants</th><th>Purpose</th><th>Basis and working</th>")
                .Append("<th>Status on ").Append(H(Iso(data.AsOf))).Append("</th><th>Contact</th></tr></thead>\n<tbody>\n");
            foreach (var forum in forums)
            {
                var activity = data.ActivityOf(forum);
                var subGroups = data.Forums.Where(f => f.ParentId == forum.Id).Select(f => f.Name).ToList();
                html.Append("<tr><td>").Append(H(forum.Name)).Append(forum.Abbreviation is null ? "" : $" ({H(forum.Abbreviation)})");
                if (subGroups.Count > 0)
                {
                    html.Append("<br />Sub-groups:").Append(List(subGroups));
                }
                html.Append("</td><td>").Append(List(forum.Participants.Select(p => data.NameOf(p.InstitutionId) + Capacity(p, data))))
                    .Append("</td><td>").Append(H(forum.Purpose ?? "")).Append("</td><td>").Append(H(Working(forum)))
                    .Append("</td><td").Append(Status(activity))
                    .Append("</td><td>").Append(List(data.ContactsOf(forum).Select(c => c.Function ?? c.Kind))).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
    }

    /// <summary>The status cell's class and words: active (with why, for a sub-group active through its parent), dormant or not known, with the reason.</summary>
    private static string Status(Activity activity) => activity.State switch
    {
        LivenessState.Active => activity.Reason is { } why ? ">active: " + H(why) : ">active",
        LivenessState.Dormant => " class=\"dormant\">dormant: " + H(activity.Reason ?? ""),
        _ => " class=\"unknown\">not known: " + H(activity.Reason ?? ""),
    };

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
        html.Append("<p class=\"meta\">Newest recorded meeting: ").Append(H(age.NewestMeetingOn is { } m ? Iso(m) : "none"))
            .Append(". Newest verification of a forum description: ").Append(H(age.NewestVerifiedOn is { } v ? Iso(v) : "none")).Append(".</p>\n");
    }

    private static void Warnings(StringBuilder html, IReadOnlyList<string> warnings)
    {
        if (warnings.Count > 0)
        {
            html.Append("<div class=\"warnings\"><strong>Read with care:</strong>").Append(List(warnings)).Append("</div>\n");
        }
    }

    private static string Capacity(Participant p, ExportData data) => p.Capacity switch
    {
        ParticipationCapacity.Invited => " (invited)",
        ParticipationCapacity.ExtendedMeetingsOnly => " (extended meetings only)",
        ParticipationCapacity.RepresentedVia => $" (through {Via(p, data)})",
        _ => "",
    };

    private static string Via(Participant p, ExportData data) =>
        p.ViaForumId is { } forumId ? data.Forums.FirstOrDefault(f => f.Id == forumId) is { } via ? via.Abbreviation ?? via.Name : forumId
        : p.ViaInstitutionId is { } institutionId ? data.NameOf(institutionId) : "another body";

    private static string Working(Forum forum) => string.Join(" ", new[]
    {
        forum.FormalBasis?.Description, forum.Meetings?.Description, forum.Chair?.Description, forum.Chair?.Rotation,
    }.OfType<string>());

    private static string List(IEnumerable<string> items)
    {
        var encoded = items.Select(item => $"<li>{H(item)}</li>").ToList();
        return encoded.Count == 0 ? "<span class=\"none\">—</span>" : $"<ul>{string.Concat(encoded)}</ul>";
    }

    private static string H(string value) => Encoder.Encode(value);

    private static string Iso(DateOnly date) => Dormancy.Iso(date);
}
