using System.Globalization;
using System.Text;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Model;
using Samverkan.Text;
using static Samverkan.Coverage.Exports.ReportMarkup;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// The report's forums per region: every body the registry holds, each on a row of its own with
/// its participants, purpose, basis, meetings, status and contact. A sub-group or working group
/// follows the body it belongs to (depth first, as the 2018 report describes them), marked with
/// what it is part of; bodies without a region come last, so nothing the registry holds is left out.
/// </summary>
internal static class ReportForums
{
    public static void Write(StringBuilder html, ExportData data)
    {
        html.Append("<h2>Forums per healthcare region</h2>\n");
        var known = data.Forums.Select(forum => forum.Id).ToHashSet(StringComparer.Ordinal);
        var topLevel = data.Forums.Where(forum => forum.ParentId is not { } parent || !known.Contains(parent))
            .OrderBy(forum => forum.Name, StringComparer.Ordinal).ToList();
        // Looked up once: the report is also asked of registries far larger than the nation's (the benchmarks).
        var children = data.Forums.Where(forum => forum.ParentId is not null).OrderBy(forum => forum.Name, StringComparer.Ordinal).ToLookup(forum => forum.ParentId!, StringComparer.Ordinal);
        foreach (var region in data.Regions)
        {
            var forums = topLevel.Where(forum => forum.RegionIds.Contains(region.Id)).ToList();
            html.Append("<h3>").Append(H(region.Name)).Append("</h3>\n");
            if (forums.Count == 0)
            {
                html.Append("<p>No forum is registered for this region.</p>\n");
                continue;
            }
            Table(html, data, forums, children);
        }
        var national = topLevel.Where(forum => !forum.RegionIds.Any(id => data.Regions.Any(region => region.Id == id))).ToList();
        if (national.Count > 0)
        {
            html.Append("<h3>Without a healthcare region</h3>\n");
            Table(html, data, national, children);
        }
    }

    private static void Table(StringBuilder html, ExportData data, IReadOnlyList<Forum> forums, ILookup<string, Forum> children)
    {
        html.Append("<table class=\"forums\">\n<thead><tr><th>Body</th><th>Participants</th><th>Purpose</th><th>Basis and working</th>")
            .Append("<th>Meetings</th><th>Status on ").Append(H(Iso(data.AsOf))).Append("</th><th>Contact</th></tr></thead>\n<tbody>\n");
        foreach (var forum in forums)
        {
            Rows(html, data, children, forum, parent: null, seen: []);
        }
        html.Append("</tbody>\n</table>\n");
    }

    // Depth first; `seen` stops a parent chain that loops (the Forums service refuses one, but a report must still finish).
    private static void Rows(StringBuilder html, ExportData data, ILookup<string, Forum> children, Forum forum, Forum? parent, HashSet<string> seen)
    {
        if (!seen.Add(forum.Id))
        {
            return;
        }
        Row(html, data, forum, parent);
        foreach (var child in children[forum.Id])
        {
            Rows(html, data, children, child, forum, seen);
        }
    }

    private static void Row(StringBuilder html, ExportData data, Forum forum, Forum? parent)
    {
        var activity = data.ActivityOf(forum);
        html.Append(parent is null ? "<tr><td>" : "<tr class=\"sub\"><td>")
            .Append(H(forum.Name)).Append(forum.Abbreviation is null ? "" : $" ({H(forum.Abbreviation)})");
        if (forum.Kind == ForumKind.OtherBody)
        {
            html.Append("<br /><span class=\"part-of\">Not a collaboration forum: does not count for coverage</span>");
        }
        if (parent is not null)
        {
            html.Append("<br /><span class=\"part-of\">Part of ").Append(H(parent.Abbreviation ?? parent.Name)).Append("</span>");
        }
        else if (forum.ParentDescription is { } under)
        {
            html.Append("<br /><span class=\"part-of\">").Append(H(under)).Append("</span>");
        }
        html.Append("</td><td>").Append(List(forum.Participants.Select(p => data.NameOf(p.InstitutionId) + Capacity(p, data))))
            .Append("</td><td>").Append(H(forum.Purpose ?? "")).Append("</td><td>").Append(H(Working(forum)))
            .Append("</td><td>").Append(H(MeetingsText(forum, activity)))
            .Append("</td><td").Append(Status(activity))
            .Append("</td><td>").Append(Contacts(data, forum)).Append("</td></tr>\n");
    }

    /// <summary>Contact functions; where there are none, whether none is appointed or the registry does not know them.</summary>
    private static string Contacts(ExportData data, Forum forum)
    {
        var functions = data.ContactsOf(forum).Select(c => c.Function ?? c.Kind).ToList();
        return functions.Count > 0 ? List(functions) : forum.ContactAvailability switch
        {
            ContactAvailability.NotKnown => "<span class=\"none\">not known to the registry</span>",
            ContactAvailability.NoneAppointed => "<span class=\"none\">none appointed</span>",
            _ => List(functions),
        };
    }

    /// <summary>The status cell's class and words: active (with why, for a sub-group active through its parent), dormant or not known, with the reason.</summary>
    private static string Status(Activity activity) => activity.State switch
    {
        LivenessState.Active => activity.Reason is { } why ? ">active: " + H(why) : ">active",
        LivenessState.Dormant => " class=\"dormant\">dormant: " + H(activity.Reason ?? ""),
        _ => " class=\"unknown\">not known: " + H(activity.Reason ?? ""),
    };

    private static string Capacity(Participant p, ExportData data) => p.Capacity switch
    {
        ParticipationCapacity.Invited => " (invited)",
        ParticipationCapacity.ExtendedMeetingsOnly => " (extended meetings only)",
        ParticipationCapacity.RepresentedVia => $" (through {Via(p, data)})",
        _ => "",
    };

    private static string Via(Participant p, ExportData data) =>
        p.ViaForumId is { } forumId ? data.ForumById(forumId) is { } via ? via.Abbreviation ?? via.Name : forumId
        : p.ViaInstitutionId is { } institutionId ? data.NameOf(institutionId) : "another body";

    private static string Working(Forum forum) => string.Join(" ", new[]
    {
        forum.FormalBasis?.Description, forum.Chair?.Description, forum.Chair?.Rotation,
    }.OfType<string>());

    /// <summary>How often it meets, as stated, and the last meeting known on the report's date, as precisely as known.</summary>
    private static string MeetingsText(Forum forum, Activity activity)
    {
        var last = activity.LastMeeting is { } meeting ? $"Last known meeting {Dormancy.Describe(meeting)}." : "No meeting recorded.";
        return Pattern(forum.Meetings) is { } pattern ? $"{pattern} {last}" : last;
    }

    private static string? Pattern(Meetings? meetings)
    {
        if (meetings?.Description is { } description)
        {
            return description;
        }
        if (meetings?.Min is not { } min)
        {
            return null;
        }
        var count = meetings.Max is { } max && max != min ? $"{min}–{max}" : min.ToString(CultureInfo.InvariantCulture);
        var per = meetings.Per == MeetingPeriod.Term ? "a term" : "a year";
        return meetings.Form is { } form ? $"{count} {per}, {form.ToString().ToLowerInvariant()}." : $"{count} {per}.";
    }
}
