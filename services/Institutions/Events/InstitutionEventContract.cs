using System.Text.Json;

namespace Samverkan.Institutions.Events;

// The contract consumers compile against: this file is linked into each consumer's project
// (as a .proto is), never copied. It depends on the base library only. Its types carry no access
// modifier here: the producer's own part makes them public, so in a consumer they stay internal
// and never clash with the producer's when a test references both.

/// <summary>The event types this service publishes on topic <c>institutions</c>; the data of each is <see cref="InstitutionEventData"/>.</summary>
static partial class InstitutionEvents
{
    public const string Created = "samverkan.institution.created.v1";
    public const string Updated = "samverkan.institution.updated.v1";
    public const string Merged = "samverkan.institution.merged.v1";
    public const string Retired = "samverkan.institution.retired.v1";

    /// <summary>Every type above: a consumer can tell an institution event it does not know from one it ignores.</summary>
    public static IReadOnlyList<string> All { get; } = [Created, Updated, Merged, Retired];
}

/// <summary>
/// What a consumer may read from an institution event's data. The data is the whole institution
/// as the API answers it (more fields than these); these are the ones a consumer relies on, and
/// the producer's snapshot and contract tests keep them there under these names and types.
/// <see cref="Status"/> is the camelCase status name (<c>active</c>, <c>merged</c>, <c>closed</c>).
/// </summary>
sealed partial record InstitutionEventData(string Id, string Name, string? Abbreviation, string Status, string? SuccessorId, long Version)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads the data of any type in <see cref="InstitutionEvents.All"/>; fields not named here are ignored.</summary>
    public static InstitutionEventData Read(JsonElement data) =>
        data.Deserialize<InstitutionEventData>(Json) ?? throw new JsonException("An institution event carries no data.");
}
