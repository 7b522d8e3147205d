extern alias ContactsService;

using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>Filters and cursor paging, over contacts on a forum and institutions each test creates for itself.</summary>
public class ContactListTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private async Task<string> CreateAsync(object body) => (await _client.CreateContactAsync(body)).Contact.Id;

    private async Task<List<string>> IdsAsync(string query) =>
        (await _client.GetAllAsync<ContactResponse>($"/api/contacts?{query}")).Select(contact => contact.Id).ToList();

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Filtering_by_forum_institution_or_owner_pages_through_each_match_once_in_id_order()
    {
        var forumId = await fixture.CreateForumAsync();
        var institutionId = await fixture.CreateInstitutionAsync();
        var ownerId = await fixture.CreateInstitutionAsync();
        var chair = await CreateAsync(new { kind = "function", function = "Chair", forumId, ownerInstitutionId = ownerId });
        var secretary = await CreateAsync(new { kind = "function", function = "Secretary", forumId, ownerInstitutionId = ownerId });
        var coordinator = await CreateAsync(new { kind = "function", function = "Coordinator", forumId });
        var dean = await CreateAsync(new { kind = "function", function = "Dean", institutionId, ownerInstitutionId = ownerId });
        var person = await CreateAsync(new { kind = "person", institutionId, person = new { name = "Listad Person" } });

        Assert.Equal(Sorted(chair, secretary, coordinator), await IdsAsync($"forum={forumId}&limit=1"));
        Assert.Equal(Sorted(dean, person), await IdsAsync($"institution={institutionId}&limit=1"));
        Assert.Equal(Sorted(chair, secretary, dean), await IdsAsync($"owner={ownerId}&limit=2"));
        Assert.Equal(Sorted(chair, secretary), await IdsAsync($"forum={forumId}&owner={ownerId}&limit=1"));
        Assert.Empty(await IdsAsync($"institution={forumId}"));
    }

    [Fact]
    public async Task Paging_through_every_contact_returns_each_once_in_id_order()
    {
        var forumId = await fixture.CreateForumAsync();
        var mine = Sorted(
            await CreateAsync(new { kind = "function", function = "Chair", forumId }),
            await CreateAsync(new { kind = "function", function = "Chair", forumId }),
            await CreateAsync(new { kind = "function", function = "Chair", forumId }));

        var all = await IdsAsync("limit=2");

        Assert.Equal(Sorted([.. all]), all);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(mine, all.Intersect(mine).ToList());
        Assert.Contains("rur-chair", all);
    }

    [Fact]
    public async Task A_bad_limit_and_cursor_are_problems_naming_the_fields()
    {
        using var response = await _client.GetAsync("/api/contacts?limit=0&cursor=%25%25");

        await ProblemAssert.NamesFieldsAsync(response, "cursor", "limit");
    }
}
