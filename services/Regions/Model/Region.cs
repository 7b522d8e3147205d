using Samverkan.Text;

namespace Samverkan.Regions.Model;

/// <summary>
/// An institution's membership; <see cref="Partial"/> when only some municipalities or one campus
/// belong (the note says which). Valid from <see cref="From"/> to <see cref="To"/>, both days
/// included, as participation in a forum is; an open end means since always, or still. The seed
/// leaves both open: the 2018 report gives no start dates.
/// </summary>
public sealed record RegionMember(string InstitutionId, bool Partial, string? Note, DateOnly? From = null, DateOnly? To = null)
{
    public bool ValidOn(DateOnly date) => DateRange.Covers(From, To, date);
}

/// <summary>
/// One of the six healthcare regions of 3 kap. 1 § hälso- och sjukvårdsförordningen (2017:80),
/// with every membership it has had, has, or will have (each with its period).
/// </summary>
public sealed record Region(string Id, string Name, string OrdinanceName, IReadOnlyList<RegionMember> Members);

/// <summary>
/// A region as the API answers it. Its events and snapshot carry every membership
/// (<see cref="From(Region, long)"/>); <c>GET /api/regions/{id}</c> answers the ones valid on a date.
/// </summary>
public sealed record RegionResponse(string Id, string Name, string OrdinanceName, IReadOnlyList<RegionMember> Members, long Version)
{
    public static RegionResponse From(Region region, long version) =>
        new(region.Id, region.Name, region.OrdinanceName, region.Members, version);

    public static RegionResponse On(Region region, long version, DateOnly date) =>
        new(region.Id, region.Name, region.OrdinanceName, [.. region.Members.Where(member => member.ValidOn(date))], version);
}
