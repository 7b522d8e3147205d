using System.Text.Json.Nodes;
using Samverkan.Web.Api;
using Samverkan.Web.Components.Shared;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Components.Pages;

/// <summary>
/// One participant of a forum as its edit form holds it: how it takes part, through whom, for
/// which period, with how many seats and what note. Dates and seats are the fields' text (YYYY-MM-DD,
/// a number) so that a wrong one reaches the API and comes back as its problem next to the field,
/// as every other error does.
/// </summary>
public sealed class ParticipantForm
{
    public static readonly string[] Capacities = ["member", "invited", "extendedMeetingsOnly", "representedVia"];

    public string InstitutionId { get; set; } = "";
    public string Capacity { get; set; } = "member";
    public string? ViaForumId { get; set; }
    public string? ViaInstitutionId { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Note { get; set; }
    public string? Seats { get; set; }
    public int Version { get; set; }

    /// <summary>The values as read, in one hidden field, to tell on a conflict what someone else changed.</summary>
    public string? Seen { get; set; }

    public static ParticipantForm Of(Participant participant, int version) => new()
    {
        InstitutionId = participant.InstitutionId,
        Capacity = participant.Capacity,
        ViaForumId = participant.ViaForumId,
        ViaInstitutionId = participant.ViaInstitutionId,
        From = Swedish.Date(participant.From),
        To = Swedish.Date(participant.To),
        Note = participant.Note,
        Seats = participant.Seats?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Version = version,
        Seen = SeenValues.Encode(participant.Capacity, participant.ViaForumId, participant.ViaInstitutionId,
            Swedish.Date(participant.From), Swedish.Date(participant.To), participant.Note,
            participant.Seats?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static ParticipantForm Decode(string? seen)
    {
        var values = SeenValues.Decode(seen, 7);
        return new ParticipantForm
        {
            Capacity = values[0] ?? "member", ViaForumId = values[1], ViaInstitutionId = values[2], From = values[3], To = values[4], Note = values[5], Seats = values[6],
        };
    }

    /// <summary>The participant as the API takes it: blank fields are absent (null).</summary>
    public JsonObject ToJson() => new()
    {
        ["institutionId"] = InstitutionId,
        ["capacity"] = Capacity,
        ["viaForumId"] = ChangedField.Blank(ViaForumId),
        ["viaInstitutionId"] = ChangedField.Blank(ViaInstitutionId),
        ["from"] = ChangedField.Blank(From),
        ["to"] = ChangedField.Blank(To),
        ["note"] = ChangedField.Blank(Note),
        ["seats"] = SeatsJson(),
    };

    // A number goes as a number; anything else as the text entered, for the API to refuse next to the field.
    private JsonNode? SeatsJson() => ChangedField.Blank(Seats) is not { } seats ? null
        : int.TryParse(seats, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) ? JsonValue.Create(count)
        : JsonValue.Create(seats);

    /// <summary>
    /// The forum's participant list with the one at <paramref name="index"/> replaced: the others
    /// are sent exactly as stored, since a merge patch replaces the whole list.
    /// </summary>
    public static JsonArray Replace(Forum forum, int index, JsonObject replacement)
    {
        var list = new JsonArray();
        for (var i = 0; i < forum.Participants.Count; i++)
        {
            list.Add(i == index ? replacement : Of(forum.Participants[i], forum.Version).ToJson());
        }
        return list;
    }

    /// <summary>The fields someone else changed since <paramref name="seen"/>, with what this user entered.</summary>
    public IReadOnlyList<ChangedField> Conflicts(ParticipantForm seen, ParticipantForm now, Func<string, string> label) =>
        ChangedField.Between(
            new(label("Forum_Capacity"), seen.Capacity, now.Capacity, ChangedField.Entered(seen.Capacity, Capacity)),
            new(label("Participant_ViaForum"), seen.ViaForumId, now.ViaForumId, ChangedField.Entered(seen.ViaForumId, ViaForumId)),
            new(label("Participant_ViaInstitution"), seen.ViaInstitutionId, now.ViaInstitutionId, ChangedField.Entered(seen.ViaInstitutionId, ViaInstitutionId)),
            new(label("Participant_From"), seen.From, now.From, ChangedField.Entered(seen.From, From)),
            new(label("Participant_To"), seen.To, now.To, ChangedField.Entered(seen.To, To)),
            new(label("Forum_Note"), seen.Note, now.Note, ChangedField.Entered(seen.Note, Note)),
            new(label("Participant_Seats"), seen.Seats, now.Seats, ChangedField.Entered(seen.Seats, Seats)));

    /// <summary>After a conflict: the user's changes stay, untouched fields take the stored values, and the next save builds on the stored version.</summary>
    public void Merge(ParticipantForm seen, ParticipantForm now)
    {
        Capacity = ChangedField.Kept(seen.Capacity, Capacity, now.Capacity) ?? now.Capacity;
        ViaForumId = ChangedField.Kept(seen.ViaForumId, ViaForumId, now.ViaForumId);
        ViaInstitutionId = ChangedField.Kept(seen.ViaInstitutionId, ViaInstitutionId, now.ViaInstitutionId);
        From = ChangedField.Kept(seen.From, From, now.From);
        To = ChangedField.Kept(seen.To, To, now.To);
        Note = ChangedField.Kept(seen.Note, Note, now.Note);
        Seats = ChangedField.Kept(seen.Seats, Seats, now.Seats);
        Version = now.Version;
        Seen = now.Seen;
    }
}
