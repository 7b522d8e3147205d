namespace Samverkan.Regions.Model;

/// <summary>What national staff send to replace a region's memberships: the whole list, past and coming ones included.</summary>
public sealed record RegionMembersInput(IReadOnlyList<RegionMemberInput>? Members);

/// <summary>One membership as sent; <see cref="From"/> and <see cref="To"/> are both included in the period, either may be left open.</summary>
public sealed record RegionMemberInput(string? InstitutionId, bool? Partial, string? Note, DateOnly? From, DateOnly? To);

/// <summary>Every membership of a region with its period: the list <c>PUT /api/regions/{id}/members</c> replaces.</summary>
public sealed record RegionMembersResponse(string RegionId, IReadOnlyList<RegionMember> Members, long Version)
{
    public static RegionMembersResponse From(Region region, long version) => new(region.Id, region.Members, version);
}
