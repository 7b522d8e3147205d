namespace Samverkan.Regions.Model;

/// <summary>An institution's membership; <see cref="Partial"/> when only some municipalities or one campus belong.</summary>
public sealed record RegionMember(string InstitutionId, bool Partial, string? Note);

/// <summary>One of the six healthcare regions of 3 kap. 1 § hälso- och sjukvårdsförordningen (2017:80).</summary>
public sealed record Region(string Id, string Name, string OrdinanceName, IReadOnlyList<RegionMember> Members);

public sealed record RegionResponse(string Id, string Name, string OrdinanceName, IReadOnlyList<RegionMember> Members, long Version)
{
    public static RegionResponse From(Region region, long version) =>
        new(region.Id, region.Name, region.OrdinanceName, region.Members, version);
}
