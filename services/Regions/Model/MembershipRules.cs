using Samverkan.Http;

namespace Samverkan.Regions.Model;

/// <summary>
/// The rules for replacing a region's memberships. Pure: the API reads, applies, and stores.
/// Whether an institution id names a known institution is not checked here: Regions asks no
/// other service (Institutions asks Regions for members, and a call back would make a cycle);
/// Coverage leaves an id it does not know out of the answer and says so in its warnings.
/// </summary>
public static class MembershipRules
{
    /// <summary>Memberships of one region, past and coming ones included; the largest region has 13 today.</summary>
    public const int MaxMembers = 200;

    public const int IdLength = 100;
    public const int NoteLength = 500;

    public static Validation Validate(RegionMembersInput input)
    {
        var validation = new Validation();
        if (input.Members is not { } members)
        {
            return validation.Add("members", "This field is required: every membership of the region, an empty list for none.");
        }
        validation.List("members", members, MaxMembers);
        if (members.Count > MaxMembers)
        {
            return validation;
        }
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is { } member)
            {
                ValidateMember($"members[{i}]", member, validation);
            }
        }
        return validation.IsValid ? CheckOverlaps(members, validation) : validation;
    }

    /// <summary>The memberships as they would be stored, in the order sent.</summary>
    public static IReadOnlyList<RegionMember> ToStored(RegionMembersInput input) =>
        [.. input.Members!.Select(member => new RegionMember(member.InstitutionId!, member.Partial ?? false, member.Note, member.From, member.To))];

    /// <summary>True when <paramref name="members"/> is what is stored already (then the write changes nothing).</summary>
    public static bool Same(IReadOnlyList<RegionMember> stored, IReadOnlyList<RegionMember> members) => stored.SequenceEqual(members);

    private static void ValidateMember(string field, RegionMemberInput member, Validation validation)
    {
        validation.Required($"{field}.institutionId", member.InstitutionId, IdLength)
            .MaxLength($"{field}.note", member.Note, NoteLength)
            .Date($"{field}.from", member.From)
            .Date($"{field}.to", member.To)
            .Period($"{field}.to", member.From, member.To);
        if (member.Partial == true && string.IsNullOrWhiteSpace(member.Note))
        {
            validation.Add($"{field}.note", "A partial membership says which part belongs (the municipalities, the campus).");
        }
    }

    /// <summary>An institution belongs to a region once at a time: two periods of the same institution may not share a day.</summary>
    private static Validation CheckOverlaps(IReadOnlyList<RegionMemberInput> members, Validation validation)
    {
        for (var later = 1; later < members.Count; later++)
        {
            for (var earlier = 0; earlier < later; earlier++)
            {
                var (a, b) = (members[earlier], members[later]);
                if (a.InstitutionId == b.InstitutionId && Overlap(a, b))
                {
                    validation.Add($"members[{later}].from",
                        $"The period overlaps that of members[{earlier}], the same institution: end one before the other begins.");
                    break;
                }
            }
        }
        return validation;
    }

    private static bool Overlap(RegionMemberInput a, RegionMemberInput b) =>
        (a.From ?? DateOnly.MinValue) <= (b.To ?? DateOnly.MaxValue) && (b.From ?? DateOnly.MinValue) <= (a.To ?? DateOnly.MaxValue);
}
