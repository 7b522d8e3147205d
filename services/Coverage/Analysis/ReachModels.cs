namespace Samverkan.Coverage.Analysis;

/// <summary>One contact point of a reach plan and the county councils and universities it reaches.</summary>
public sealed record ReachContact(
    string ContactId,
    string Kind,
    string? Function,
    string? ForumId,
    string? ForumName,
    string? InstitutionId,
    string? InstitutionName,
    string? OwnerInstitutionId,
    DateOnly? VerifiedOn,
    bool VerificationStale,
    IReadOnlyList<InstitutionRef> Reaches);

/// <summary>A county council or university no known contact reaches, and why.</summary>
public sealed record Unreachable(string Id, string Name, string? Abbreviation, string Kind, bool Partial, string Reason);

/// <summary>
/// The reach plan of one region on one date (GET /api/coverage/regions/{id}/reach): the fewest contact
/// points that reach every county council and university a known contact can reach.
/// <see cref="Exact"/> is true when the plan is proven smallest, false when it is the greedy answer
/// (very large regions).
/// </summary>
public sealed record ReachPlan(
    string RegionId,
    string RegionName,
    DateOnly AsOf,
    bool Exact,
    int Institutions,
    int Reachable,
    IReadOnlyList<ReachContact> ContactPoints,
    IReadOnlyList<Unreachable> Unreachable,
    DataAge DataAge,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How current the read model behind this answer is.</summary>
    public Freshness? ReadModel { get; init; }
}
