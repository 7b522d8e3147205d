using Samverkan.Text;

namespace Samverkan.Coverage.Model;

/// <summary>
/// An institution's membership of a region, as the Regions service's events carry it:
/// <see cref="Partial"/> when only some municipalities or one campus belong; valid from
/// <see cref="From"/> to <see cref="To"/> (both days included, open ends: since always, still).
/// </summary>
public sealed record MemberRecord(string InstitutionId, bool Partial, string? Note, DateOnly? From = null, DateOnly? To = null)
{
    public bool ValidOn(DateOnly date) => DateRange.Covers(From, To, date);
}

/// <summary>A healthcare region as the Regions service's events carry it.</summary>
public sealed record RegionRecord(string Id, string Name, string OrdinanceName, IReadOnlyList<MemberRecord> Members, long Version);
