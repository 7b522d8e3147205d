using System.Text.Json;
using Samverkan.Coverage.Analysis;
using Samverkan.Text;

namespace Samverkan.Coverage.Exports;

/// <summary>
/// Forums flattened for a spreadsheet: one row per participant, the forum's own columns
/// repeated on each (a forum without participants has one row with the participant columns
/// empty). Lists inside a cell are separated by "; ". <c>activeOnAsOf</c> is true, false or
/// unknown; <c>lastMeetingOn</c> is written as precisely as known ("2018-10-01", "2018-spring").
/// </summary>
public static class ForumsCsv
{
    public static readonly string[] Columns =
    [
        "forumId", "forumName", "abbreviation", "regionIds", "parentId", "recordedStatus", "activeOnAsOf", "dormancyReason",
        "lastMeetingOn", "formalBasis", "purpose", "contactFunctions",
        "institutionId", "institutionName", "institutionKind", "capacity", "viaForumId", "viaInstitutionId",
        "participantFrom", "participantTo", "participantNote",
    ];

    public static Csv Write(ExportData data)
    {
        var csv = new Csv().Row(Columns);
        foreach (var forum in data.Forums)
        {
            var activity = data.ActivityOf(forum);
            string?[] forumColumns =
            [
                forum.Id, forum.Name, forum.Abbreviation, string.Join("; ", forum.RegionIds), forum.ParentId, Camel(forum.Status),
                activity.State switch { LivenessState.Active => "true", LivenessState.Dormant => "false", _ => "unknown" },
                activity.Reason, activity.LastMeeting?.ToString(),
                forum.FormalBasis is null ? null : Camel(forum.FormalBasis.Kind), forum.Purpose,
                string.Join("; ", data.ContactsOf(forum).Select(contact => contact.Function ?? contact.Kind)),
            ];
            if (forum.Participants.Count == 0)
            {
                csv.Row([.. forumColumns, .. new string?[9]]);
            }
            foreach (var p in forum.Participants)
            {
                csv.Row([
                    .. forumColumns, p.InstitutionId, data.NameOf(p.InstitutionId), data.Institutions.GetValueOrDefault(p.InstitutionId)?.Kind,
                    Camel(p.Capacity), p.ViaForumId, p.ViaInstitutionId, Date(p.From), Date(p.To), p.Note,
                ]);
            }
        }
        return csv;
    }

    private static string Camel<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string? Date(DateOnly? date) => date is { } d ? Dormancy.Iso(d) : null;
}
