using System.Globalization;
using System.Text;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>Rejected creations, each a 400 problem naming exactly the fields at fault. The bodies are the JSON a client sends.</summary>
public class ContactValidationTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync("/api/contacts", new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("""{"function":"Chair","forumId":"rur"}""", "kind")]
    [InlineData("""{"kind":"function","forumId":"rur"}""", "function")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","institutionId":"umea-universitet"}""", "forumId", "institutionId")]
    [InlineData("""{"kind":"function","function":"Chair"}""", "forumId", "institutionId")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":" ","institutionId":""}""", "forumId", "institutionId")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"email":"a.b@example.se"}}""", "person.name")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet"}""", "person.name")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"name":"A B","email":"a.b.example.se"}}""", "person.email")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"name":"A B","email":"a@b"}}""", "person.email")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"name":"A B","phone":"ring mig"}}""", "person.phone")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"name":"A B","phone":"+- ()"}}""", "person.phone")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","validFrom":"2020-01-01","validTo":"2019-12-31"}""", "validTo")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","verifiedOn":"2999-01-01"}""", "verifiedOn")]
    [InlineData("""{"kind":"person","institutionId":"umea-universitet","person":{"name":"A B","shoe":"42"}}""", "person.shoe")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","colour":"blue"}""", "colour")]
    [InlineData("""{"kind":"colleague","function":"Chair","forumId":"rur"}""", "kind")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","alsoReachesForumIds":[""]}""", "alsoReachesForumIds[0]")]
    public async Task An_invalid_contact_is_a_problem_naming_exactly_the_fields_at_fault(string json, params string[] fields)
    {
        using var response = await PostAsync(json);

        await ProblemAssert.NamesFieldsAsync(response, fields);
    }

    [Theory]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"no-such-forum"}""", "forumId")]
    [InlineData("""{"kind":"function","function":"Chair","institutionId":"no-such-institution"}""", "institutionId")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","ownerInstitutionId":"no-such-institution"}""", "ownerInstitutionId")]
    [InlineData("""{"kind":"function","function":"Chair","institutionId":"nowhere","ownerInstitutionId":"nowhere"}""", "institutionId", "ownerInstitutionId")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"umea-universitet"}""", "forumId")]
    [InlineData("""{"kind":"function","function":"Chair","institutionId":"rur"}""", "institutionId")]
    [InlineData("""{"kind":"function","function":"Chair","forumId":"rur","alsoReachesForumIds":["dialogforum","no-such-forum"]}""", "alsoReachesForumIds[1]")]
    public async Task A_forum_or_institution_the_owning_service_does_not_know_is_a_problem_naming_the_field(string json, params string[] fields)
    {
        using var response = await PostAsync(json);

        await ProblemAssert.NamesFieldsAsync(response, fields);
    }

    [Fact]
    public async Task A_verification_dated_tomorrow_in_sweden_is_in_the_future()
    {
        var tomorrow = fixture.Clock.SwedishToday.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await PostAsync($$"""{"kind":"function","function":"Chair","forumId":"rur","verifiedOn":"{{tomorrow}}"}""");

        await ProblemAssert.NamesFieldsAsync(response, "verifiedOn");
    }

    [Fact]
    public async Task A_verification_dated_today_in_sweden_is_accepted()
    {
        var forumId = await fixture.CreateForumAsync();
        var today = fixture.Clock.SwedishToday;

        var (created, _) = await _client.CreateContactAsync(new { kind = "function", function = "Chair", forumId, verifiedOn = today });

        Assert.Equal(today, created.VerifiedOn);
    }
}
