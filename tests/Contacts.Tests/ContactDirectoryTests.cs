using Grpc.Net.Client;
using Samverkan.Contacts.Protos;

namespace Samverkan.Contacts.Tests;

/// <summary>The internal gRPC contract other services read: contact points without the person behind them.</summary>
public sealed class ContactDirectoryTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(fixture.Platform.GrpcUrl("contacts"));

    private ContactDirectory.ContactDirectoryClient Client => new(_channel);

    [Fact]
    public async Task Listing_the_contacts_of_forum_rur_returns_its_seeded_chair_and_nothing_more()
    {
        var reply = await Client.ListContactsAsync(new ListContactsRequest { ForumIds = { "rur" } });

        // Equality covers unknown fields too, so nothing beyond the contract reached the client.
        var expected = new ContactPoint { Id = "rur-chair", Kind = "function", Function = "Chair of RUR", ForumId = "rur", VerifiedOn = "2018-10-24" };
        Assert.Equal(expected, Assert.Single(reply.Contacts));
    }

    [Fact]
    public async Task The_reply_says_after_how_many_months_a_contact_point_is_stale_by_this_services_setting()
    {
        var reply = await Client.ListContactsAsync(new ListContactsRequest { ForumIds = { "rur" } });

        // Contacts:StaleAfterMonths at its default: Forums flags stale points by this value, not a copy of the setting.
        Assert.Equal(12, reply.StaleAfterMonths);
    }

    [Fact]
    public async Task A_person_contact_travels_without_the_person()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (created, _) = await fixture.Client.CreateContactAsync(new
        {
            kind = "person",
            institutionId,
            person = new { name = "Gömd Person", email = "gomd@example.se", phone = "+46 10-000 00 00" },
        });

        var reply = await Client.ListContactsAsync(new ListContactsRequest { InstitutionIds = { institutionId } });

        var expected = new ContactPoint { Id = created.Id, Kind = "person", InstitutionId = institutionId };
        Assert.Equal(expected, Assert.Single(reply.Contacts));
    }

    [Fact]
    public void A_contact_point_has_no_field_for_a_name_an_e_mail_address_a_phone_number_or_a_note()
    {
        var fields = ContactPoint.Descriptor.Fields.InDeclarationOrder().Select(field => field.Name).ToList();

        Assert.Contains("forum_id", fields);
        Assert.All(fields, field => Assert.DoesNotMatch("name|mail|phone|person|note", field));
    }

    [Fact]
    public async Task A_contact_point_carries_the_period_it_is_valid()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (created, _) = await fixture.Client.CreateContactAsync(new
        {
            kind = "function", function = "Ordförande", institutionId, validFrom = "2019-01-01", validTo = "2020-12-31",
        });

        var reply = await Client.ListContactsAsync(new ListContactsRequest { InstitutionIds = { institutionId } });

        var point = Assert.Single(reply.Contacts);
        Assert.Equal((created.Id, "2019-01-01", "2020-12-31"), (point.Id, point.ValidFrom, point.ValidTo));
    }

    [Fact]
    public async Task An_erased_contact_is_no_contact_point()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (erased, etag) = await fixture.Client.CreateContactAsync(new { kind = "function", function = "Rektor", institutionId });
        var (kept, _) = await fixture.Client.CreateContactAsync(new { kind = "function", function = "Prorektor", institutionId });
        using (var deleted = await fixture.Client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{erased.Id}", ifMatch: etag))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        var byInstitution = await Client.ListContactsAsync(new ListContactsRequest { InstitutionIds = { institutionId } });
        var all = await Client.ListContactsAsync(new ListContactsRequest());

        Assert.Equal([kept.Id], byInstitution.Contacts.Select(point => point.Id));
        Assert.DoesNotContain(all.Contacts, point => point.Id == erased.Id);
    }

    [Fact]
    public async Task Listing_an_unknown_forum_matches_nothing()
    {
        var reply = await Client.ListContactsAsync(new ListContactsRequest { ForumIds = { "no-such-forum" } });

        Assert.Empty(reply.Contacts);
    }

    public void Dispose() => _channel.Dispose();
}
