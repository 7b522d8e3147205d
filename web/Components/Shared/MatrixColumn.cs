using Samverkan.Web.Api;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Components.Shared;

/// <summary>
/// A forum as a column of the coverage matrix: the forums the shown rows take part in, the
/// region's primary forums first, then the active ones, then the dormant and those whose activity
/// is not known, each group in Swedish order. <see cref="Status"/> is active, dormant or unknown.
/// </summary>
public sealed record MatrixColumn(string Id, string Name, string Status)
{
    public bool Active => Status == "active";

    public static IReadOnlyList<MatrixColumn> Of(IEnumerable<InstitutionCoverage> rows, IReadOnlySet<string> primary) =>
        [.. rows.SelectMany(row => row.Forums ?? [])
            .DistinctBy(p => p.ForumId)
            .Select(p => new MatrixColumn(p.ForumId, p.ForumName, p.ForumActivity ?? (p.ForumActive ? "active" : "dormant")))
            .OrderBy(column => primary.Contains(column.Id) ? 0 : column.Active ? 1 : 2)
            .ThenBy(column => column.Name, Swedish.Order)];
}
