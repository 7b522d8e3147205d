extern alias ContactsService;

using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>The 2018 mapping's contact points as seeded: functions, never people.</summary>
public class SeededContactsTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task The_chair_of_rur_is_a_function_contact_on_forum_rur_without_a_person()
    {
        var chair = await _client.GetJsonAsync<ContactResponse>("/api/contacts/rur-chair");

        Assert.Equal((ContactKind.Function, "Chair of RUR", "rur"), (chair.Kind, chair.Function, chair.ForumId));
        Assert.Null(chair.Person);
        Assert.Null(chair.InstitutionId);
        Assert.Equal(new DateOnly(2018, 10, 24), chair.VerifiedOn);
    }

    [Fact]
    public async Task No_seeded_contact_holds_an_e_mail_address_or_a_phone_number()
    {
        var seeded = await _client.GetAllAsync<ContactResponse>("/api/contacts");

        Assert.Equal(8, seeded.Count);
        Assert.All(seeded, contact => Assert.Equal(ContactKind.Function, contact.Kind));
        Assert.All(seeded, contact => Assert.Null(contact.Person?.Email));
        Assert.All(seeded, contact => Assert.Null(contact.Person?.Phone));
    }
}
