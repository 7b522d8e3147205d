using Samverkan.Coverage.Model;
using Samverkan.Text;

namespace Samverkan.Coverage.Analysis;

/// <summary>
/// Who takes part in a forum on a date. Every capacity counts (member, invited, only in the
/// extended meetings, represented through another body), within the participant's period.
/// Representation through a forum counts only when the institution takes part in that forum
/// itself on the date: Dialogforum's county councils count because each sits in RUR.
/// </summary>
public static class Participations
{
    /// <summary>The participant entry through which the institution takes part on <paramref name="asOf"/>, or null.</summary>
    public static Participant? Of(Forum forum, string institutionId, DateOnly asOf, Func<string, Forum?> forumById, ICollection<string> warnings)
    {
        Participant? broken = null;
        foreach (var participant in forum.Participants)
        {
            if (participant.InstitutionId != institutionId || !InPeriod(participant, asOf))
            {
                continue;
            }
            if (participant.Capacity != ParticipationCapacity.RepresentedVia || participant.ViaForumId is null)
            {
                return participant;
            }
            if (forumById(participant.ViaForumId) is { } via && TakesPartDirectly(via, institutionId, asOf))
            {
                return participant;
            }
            broken = participant;
        }
        if (broken is not null)
        {
            warnings.Add($"{institutionId} is recorded as represented in {forum.Id} through {broken.ViaForumId}, " +
                $"but does not take part in {broken.ViaForumId} on {Dormancy.Iso(asOf)}, so it is not counted there.");
        }
        return null;
    }

    public static bool InPeriod(Participant participant, DateOnly asOf) => DateRange.Covers(participant.From, participant.To, asOf);

    private static bool TakesPartDirectly(Forum forum, string institutionId, DateOnly asOf) =>
        forum.Participants.Any(p => p.InstitutionId == institutionId && p.Capacity != ParticipationCapacity.RepresentedVia && InPeriod(p, asOf));
}
