using Samverkan.Http;
using static Samverkan.Forums.Model.ForumBounds;

namespace Samverkan.Forums.Model;

/// <summary>
/// Checks of the facts a source states beside a forum's description (<see cref="Predecessor"/>,
/// <see cref="NonParticipant"/>, the state of each kind of cooperation, split meeting patterns).
/// Whether non-participants exist is checked with the other references (<c>ForumReferences</c>).
/// </summary>
internal static class ForumFactsValidation
{
    public static void Validate(ForumInput input, DateOnly today, Validation validation)
    {
        // A list over its bound is refused as a whole by ForumValidation; its entries are not looked at.
        var predecessors = input.Predecessors is { Count: <= MaxPredecessors } listed ? listed : [];
        for (var i = 0; i < predecessors.Count; i++)
        {
            validation.Required($"predecessors[{i}].name", predecessors[i].Name, NameLength)
                .Date($"predecessors[{i}].until", predecessors[i].Until, notAfter: today)
                .MaxLength($"predecessors[{i}].note", predecessors[i].Note, ParticipantNoteLength);
        }
        ValidateNonParticipants(input, validation);
        ValidateCooperation(input, validation);
    }

    public static void ValidateParts(IReadOnlyList<MeetingPart>? parts, Validation validation)
    {
        if (parts is null)
        {
            return;
        }
        if (parts.Count > MaxMeetingParts)
        {
            validation.Add("meetings.parts", $"At most {MaxMeetingParts} parts.");
            return;
        }
        for (var i = 0; i < parts.Count; i++)
        {
            var field = $"meetings.parts[{i}]";
            validation.Range($"{field}.min", parts[i].Min, 0, MaxMeetingsPerPeriod)
                .Range($"{field}.max", parts[i].Max, 0, MaxMeetingsPerPeriod)
                .MaxLength($"{field}.note", parts[i].Note, ParticipantNoteLength);
            if (parts[i] is { Min: { } min, Max: { } max } && max < min)
            {
                validation.Add($"{field}.max", $"Not less than {field}.min.");
            }
            if (parts[i].Min is null && parts[i].Max is null)
            {
                validation.Add($"{field}.min", "A part says how many meetings it has (min, max or both).");
            }
        }
    }

    // A source says an institution is not part of the forum: it cannot also be listed as taking part, nor twice.
    private static void ValidateNonParticipants(ForumInput input, Validation validation)
    {
        var nonParticipants = input.NonParticipants ?? [];
        if (nonParticipants.Count > MaxNonParticipants)
        {
            return;
        }
        var participating = (input.Participants ?? []).Select(p => p?.InstitutionId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nonParticipants.Count; i++)
        {
            var field = $"nonParticipants[{i}]";
            validation.Required($"{field}.institutionId", nonParticipants[i].InstitutionId, IdLength)
                .MaxLength($"{field}.note", nonParticipants[i].Note, ParticipantNoteLength);
            if (nonParticipants[i].InstitutionId is not { } id)
            {
                continue;
            }
            if (participating.Contains(id))
            {
                validation.Add($"{field}.institutionId", $"'{id}' is also among the participants: an institution either takes part or not.");
            }
            else if (!seen.Add(id))
            {
                validation.Add($"{field}.institutionId", $"'{id}' is listed twice.");
            }
        }
    }

    // Each kind of cooperation is in one state: happening (cooperationKinds), wished for, or absent.
    private static void ValidateCooperation(ForumInput input, Validation validation)
    {
        var lists = new (string Field, IReadOnlyList<CooperationKind>? Kinds)[]
        {
            ("cooperationKinds", input.CooperationKinds), ("wishedCooperationKinds", input.WishedCooperationKinds), ("absentCooperationKinds", input.AbsentCooperationKinds),
        };
        var stateOf = new Dictionary<CooperationKind, string>();
        foreach (var (field, listed) in lists)
        {
            IReadOnlyList<CooperationKind> kinds = listed is not null && listed.Count <= MaxCooperationKinds ? listed : [];
            for (var i = 0; i < kinds.Count; i++)
            {
                if (stateOf.TryGetValue(kinds[i], out var other))
                {
                    validation.Add($"{field}[{i}]", other == field ? $"'{Json(kinds[i])}' is listed twice." : $"'{Json(kinds[i])}' is already in {other}: a kind of cooperation is happening, wished for or absent.");
                }
                else
                {
                    stateOf[kinds[i]] = field;
                }
            }
        }
    }

    private static string Json(CooperationKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
