extern alias ContactsService;

using ContactsService::Samverkan.Contacts.Events;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// What each contact event carries, pinned as a committed JSON file (tests/Contacts.Tests/EventSnapshots).
/// The sample person is invented: snapshots are committed, so they hold no real person's data.
/// </summary>
public sealed class ContactEventContractTests
{
    private static readonly Contact Sample = new()
    {
        Id = "c-prov",
        Kind = ContactKind.Person,
        Function = "Ordförande i RUR",
        ForumId = "rur-prov",
        Person = new("Testa Testsson", "Samordnare", "Högskolan i Prov", "testa@example.se", "+46 70 000 00 00"),
        OwnerInstitutionId = "hogskolan-i-prov",
        ValidFrom = new DateOnly(2025, 1, 1),
        VerifiedOn = new DateOnly(2026, 10, 1),
        Note = "Nås bäst på förmiddagar",
    };

    public static TheoryData<string> Types => [.. ContactEvents.All];

    [Theory]
    [MemberData(nameof(Types))]
    public void Each_contact_event_type_carries_the_data_in_its_committed_snapshot(string type) =>
        EventSnapshot.AssertMatches("Contacts.Tests", type == ContactEvents.Erased
            ? ContactEvents.Tombstone(Sample.Id)
            : ContactEvents.Announce(type, Sample, 4));

    [Fact]
    public void An_erasure_announces_the_contract_type_and_no_personal_field()
    {
        var erased = ContactEvents.Tombstone(Sample.Id);

        Assert.Equal(ContactEvents.Erased, erased.Type);
        var data = EventSnapshot.DataAsSent(erased);
        Assert.Equal(["id", "deleted"], data.EnumerateObject().Select(p => p.Name));
    }
}
