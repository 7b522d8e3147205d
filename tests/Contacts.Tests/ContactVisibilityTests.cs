extern alias ContactsService;

using System.Text.Json;
using ContactsService::Samverkan.Contacts.Apis;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.Local;
using Samverkan.Audit.Privacy;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Every read of contacts (one, a list, the stale list) shows the person and the note only to
/// callers who may see personal data; everyone else still learns the function, where it
/// belongs, who keeps it current and how fresh it is.
/// </summary>
public class ContactVisibilityTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    public static TheoryData<string> WithoutPersonalData => new() { "anonymous", "partner without the personal-data scope" };

    public static TheoryData<string> WithPersonalData => new()
    {
        "registry admin", "editor of an unrelated organisation", "editor of the owner", "partner with the personal-data scope",
    };

    [Theory]
    [MemberData(nameof(WithoutPersonalData))]
    public async Task A_caller_who_may_not_see_personal_data_reads_no_name_e_mail_phone_or_note_anywhere(string caller)
    {
        var (person, created) = await CreateAsync();

        var reads = await ReadEverywhereAsync(Client(caller, created.OwnerInstitutionId!), created);

        foreach (var (body, contact) in reads)
        {
            Assert.All(person.Values, value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
            ContactAssert.Same(created with { Person = null, Note = null }, contact);
        }
    }

    [Theory]
    [MemberData(nameof(WithPersonalData))]
    public async Task A_caller_who_may_see_personal_data_reads_the_person_and_the_note_everywhere(string caller)
    {
        var (person, created) = await CreateAsync();

        var reads = await ReadEverywhereAsync(Client(caller, created.OwnerInstitutionId!), created);

        Assert.Equal(person.Email, created.Person?.Email);
        Assert.All(reads, read => ContactAssert.Same(created, read.Contact));
    }

    [Fact]
    public void Hiding_personal_data_nulls_exactly_the_fields_of_the_shared_rule()
    {
        var response = new ContactResponse
        {
            Id = "id",
            Kind = ContactKind.Person,
            Function = "Chair",
            InstitutionId = "inst",
            Person = new Person("N", "T", "O", "e@example.se", "010"),
            OwnerInstitutionId = "owner",
            ValidFrom = new DateOnly(2020, 1, 1),
            VerifiedOn = new DateOnly(2021, 1, 1),
            Note = "note",
            Version = 3,
        };

        var hidden = ContactPrivacy.WithoutPersonalData(response);

        ContactAssert.Same(response with { Person = null, Note = null }, hidden);
        Assert.Equal(["note", "person"], PersonalData.ContactFields.Order(StringComparer.Ordinal));
    }

    private HttpClient Client(string caller, string ownerId) => caller switch
    {
        "anonymous" => fixture.AnonymousClient,
        "partner without the personal-data scope" => fixture.ClientAs(TokenRequest.PartnerSystem("reader")),
        "partner with the personal-data scope" => fixture.ClientAs(TokenRequest.PartnerSystem("reader", personalData: true)),
        "registry admin" => fixture.Client,
        "editor of an unrelated organisation" => fixture.ClientAs(TokenRequest.Editor("unrelated-org")),
        "editor of the owner" => fixture.ClientAs(TokenRequest.Editor(ownerId)),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    /// <summary>A never verified person contact (so it is on the stale list) with every personal field set.</summary>
    private async Task<(PersonalContact Person, ContactResponse Created)> CreateAsync()
    {
        var person = PersonalContact.New();
        var ownerId = await fixture.CreateInstitutionAsync();
        var (created, _) = await fixture.Client.CreateContactAsync(person.Body(await fixture.CreateInstitutionAsync(), ownerId));
        return (person, created);
    }

    /// <summary>The contact as GET one, the filtered list, the full list and the stale list show it, each with its raw body.</summary>
    private static async Task<List<(string Body, ContactResponse Contact)>> ReadEverywhereAsync(HttpClient client, ContactResponse created)
    {
        var one = await client.GetStringAsync($"/api/contacts/{created.Id}");
        var list = await client.GetStringAsync($"/api/contacts?institution={created.InstitutionId}");
        var all = await client.GetAllAsync<ContactResponse>("/api/contacts?limit=1000");
        var stale = await client.GetStringAsync("/api/contacts/stale?olderThanMonths=0");
        var staleContacts = JsonSerializer.Deserialize<StaleContacts>(stale, JsonHttp.Options)!.Owners.SelectMany(owner => owner.Contacts);
        return
        [
            (one, JsonSerializer.Deserialize<ContactResponse>(one, JsonHttp.Options)!),
            (list, Assert.Single(JsonSerializer.Deserialize<Page<ContactResponse>>(list, JsonHttp.Options)!.Items)),
            ("", Assert.Single(all, contact => contact.Id == created.Id)),
            (stale, Assert.Single(staleContacts, contact => contact.Id == created.Id)),
        ];
    }
}
