namespace Samverkan.Platform.Tests.BadInput;

/// <summary>A query parameter of a read endpoint with values it must refuse (already URL-encoded).</summary>
public sealed record QueryTarget(string Path, string Parameter, string[] BadValues)
{
    public override string ToString() => $"{Path}?{Parameter}";
}

/// <summary>Every query parameter of Regions, Institutions, Forums and Contacts (Regions has none): adding one is one line.</summary>
public static class QueryTargets
{
    private static readonly string[] Limit = ["-1", "0", "1001", "abc", "99999999999", "%00"];
    private static readonly string[] Cursor = ["!!!", "%ED%A0%80", "%00"];
    private static readonly string[] Id = [new('x', 101), "a%00b", "a%07b"];
    private static readonly string[] Search = [new('x', 201), "a%00b", "a%07b"];
    private static readonly string[] Date = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2020-13-01", "junk", "%00", "%ED%A0%80"];

    public static readonly IReadOnlyList<QueryTarget> All =
    [
        new("/api/institutions", "limit", Limit),
        new("/api/institutions", "cursor", Cursor),
        new("/api/institutions", "q", Search),
        new("/api/institutions", "kind", ["UNIVERSITY", "x", "%00"]),
        new("/api/institutions", "status", ["ACTIVE", "x", "%00"]),
        new("/api/institutions", "region", [.. Id, "no-such-region"]),
        new("/api/forums", "limit", Limit),
        new("/api/forums", "cursor", Cursor),
        new("/api/forums", "q", Search),
        new("/api/forums", "status", ["DORMANT", "x", "%00"]),
        new("/api/forums", "kind", ["FORUM", "x", "%00"]),
        new("/api/forums", "region", Id),
        new("/api/forums", "institution", Id),
        new("/api/forums", "parent", Id),
        new("/api/forums", "asOf", Date),
        new("/api/forums/rur", "asOf", Date),
        new("/api/contacts", "limit", Limit),
        new("/api/contacts", "cursor", Cursor),
        new("/api/contacts", "forum", Id),
        new("/api/contacts", "institution", Id),
        new("/api/contacts", "owner", Id),
        new("/api/contacts/stale", "olderThanMonths", ["-1", "1201", "abc", "99999999999"]),
        new("/api/contacts/stale", "owner", Id),
        new("/api/coverage", "asOf", Date),
        new("/api/regions/norra/coverage", "asOf", Date),
        new("/api/regions/norra/reach", "asOf", Date),
        new("/api/exports/registry.json", "asOf", Date),
        new("/api/exports/forums.csv", "asOf", Date),
        new("/api/exports/report.html", "asOf", Date),
    ];
}
