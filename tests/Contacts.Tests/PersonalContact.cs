namespace Samverkan.Contacts.Tests;

/// <summary>
/// A person contact's personal values, each unique to one test, in plain ASCII so a search of
/// a response body or a file finds them as written (JSON escapes non-ASCII letters and +).
/// </summary>
internal sealed record PersonalContact(string Name, string Email, string Phone, string Note)
{
    public static PersonalContact New() => new(
        $"Synlig Person {Guid.NewGuid():N}",
        $"{Guid.NewGuid():N}@example.se",
        $"010-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}",
        $"Call after lunch {Guid.NewGuid():N}");

    public IReadOnlyList<string> Values => [Name, Email, Phone, Note];

    /// <summary>The body that creates this person as a contact of <paramref name="institutionId"/>, kept current by <paramref name="ownerId"/>.</summary>
    public object Body(string institutionId, string? ownerId, string function = "Studierektor") => new
    {
        kind = "person",
        function,
        institutionId,
        ownerInstitutionId = ownerId,
        person = new { name = Name, email = Email, phone = Phone },
        validFrom = "2020-01-01",
        note = Note,
    };
}
