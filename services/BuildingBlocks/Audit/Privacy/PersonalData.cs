using System.Text.Json.Nodes;

namespace Samverkan.Audit.Privacy;

/// <summary>
/// The one rule for which fields hold personal data (GDPR), shared by the API, the audit trail,
/// the outbox and the change feed so they cannot disagree. Today only contacts hold any: the
/// person behind the contact, and the free-text note, which may name one.
/// </summary>
public static class PersonalData
{
    public static readonly IReadOnlyList<string> ContactFields = ["person", "note"];

    /// <summary>What stands in for a personal value in the audit trail: that it was there, never what it was.</summary>
    public const string Masked = "(personal data)";

    /// <summary>Whether resources of this type (an audit entity type such as "contact", or an event type) hold personal data.</summary>
    public static bool Concerns(string typeOrEventType) =>
        typeOrEventType == "contact" || typeOrEventType.StartsWith("samverkan.contact.", StringComparison.Ordinal);

    /// <summary>Removes the personal fields (sets them to null): what callers without the right, and erased contacts, get.</summary>
    public static void Remove(JsonObject resource)
    {
        foreach (var field in ContactFields.Where(resource.ContainsKey))
        {
            resource[field] = null;
        }
    }

    /// <summary>Replaces every personal value with <see cref="Masked"/>, keeping the shape, so a diff still shows what changed kind.</summary>
    public static void Mask(JsonObject resource)
    {
        foreach (var field in ContactFields.Where(resource.ContainsKey))
        {
            resource[field] = resource[field] switch
            {
                null => null,
                JsonObject person => new JsonObject(person.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (JsonNode)Masked))),
                _ => Masked,
            };
        }
    }
}
