extern alias ContactsService;

using System.Net;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

public class ContactsApiTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    private static object Chair(string forumId, string function = "Chair of the test forum") =>
        new { kind = "function", function, forumId };

    [Fact]
    public async Task A_function_contact_on_a_forum_is_created_with_201_etag_1_and_its_location()
    {
        var forumId = await fixture.CreateForumAsync();

        using var response = await _client.PostJsonAsync("/api/contacts", Chair(forumId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadJsonAsync<ContactResponse>();
        Assert.Equal($"/api/contacts/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await _client.GetJsonAsync<ContactResponse>(response.Headers.Location!.OriginalString);
        ContactAssert.Same(created, read);
        Assert.Equal((ContactKind.Function, "Chair of the test forum", forumId, 1L), (read.Kind, read.Function, read.ForumId, read.Version));
        Assert.Null(read.InstitutionId);
        Assert.Null(read.Person);
    }

    [Fact]
    public async Task A_person_contact_on_an_institution_is_created_with_201_etag_1_and_its_location()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var person = new Person("Test Testsson", "Studierektor", "Kontakthögskolan", "test.testsson@example.se", "+46 10-123 45 67");

        using var response = await _client.PostJsonAsync("/api/contacts", new { kind = "person", institutionId, person, ownerInstitutionId = institutionId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadJsonAsync<ContactResponse>();
        Assert.Equal($"/api/contacts/{created.Id}", response.Headers.Location?.OriginalString);
        var read = await _client.GetJsonAsync<ContactResponse>($"/api/contacts/{created.Id}");
        ContactAssert.Same(created, read);
        Assert.Equal((ContactKind.Person, person, institutionId, institutionId), (read.Kind, read.Person, read.InstitutionId, read.OwnerInstitutionId));
        Assert.Null(read.ForumId);
        Assert.DoesNotContain("testsson", read.Id, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/verify")]
    public async Task An_unknown_id_is_a_404_problem_for_read_replace_erase_and_verify(string method, string suffix)
    {
        using var response = await _client.SendContactAsync(
            new HttpMethod(method), $"/api/contacts/no-such-contact{suffix}", method == "PUT" ? Chair("rur") : null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_for_replace_verify_and_erase_and_the_stored_contact_is_unchanged()
    {
        var forumId = await fixture.CreateForumAsync();
        var (created, _) = await _client.CreateContactAsync(Chair(forumId));
        using (var first = await _client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{created.Id}", Chair(forumId, "Vice chair"), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        var afterFirst = await _client.GetJsonAsync<ContactResponse>($"/api/contacts/{created.Id}");

        using var stalePut = await _client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{created.Id}", Chair(forumId, "Lost update"), "\"1\"");
        using var staleVerify = await _client.SendContactAsync(HttpMethod.Post, $"/api/contacts/{created.Id}/verify", ifMatch: "\"1\"");
        using var staleDelete = await _client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{created.Id}", ifMatch: "\"1\"");

        await ProblemAssert.IsProblemAsync(stalePut, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(staleVerify, HttpStatusCode.PreconditionFailed);
        await ProblemAssert.IsProblemAsync(staleDelete, HttpStatusCode.PreconditionFailed);
        var stored = await _client.GetJsonAsync<ContactResponse>($"/api/contacts/{created.Id}");
        ContactAssert.Same(afterFirst, stored);
        Assert.Equal(("Vice chair", 2L), (stored.Function, stored.Version));
    }

    [Fact]
    public async Task A_rejected_replacement_leaves_the_stored_contact_exactly_as_it_was()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (created, etag) = await _client.CreateContactAsync(new
        {
            kind = "person",
            institutionId,
            person = new { name = "Orörd Person", email = "orord@example.se" },
            validFrom = "2020-01-01",
            note = "Must survive rejected writes.",
        });

        using var invalid = await _client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{created.Id}",
            new { kind = "person", institutionId, person = new { name = "Ändrad Person", email = "not an address" } }, etag);
        using var unknownForum = await _client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{created.Id}",
            new { kind = "function", function = "Chair", forumId = "no-such-forum" }, etag);

        await ProblemAssert.NamesFieldsAsync(invalid, "person.email");
        await ProblemAssert.NamesFieldsAsync(unknownForum, "forumId");
        ContactAssert.Same(created, await _client.GetJsonAsync<ContactResponse>($"/api/contacts/{created.Id}"));
    }

    [Fact]
    public async Task Verifying_sets_verified_on_to_todays_date_in_sweden_and_bumps_the_version()
    {
        var (created, etag) = await _client.CreateContactAsync(Chair(await fixture.CreateForumAsync()));
        Assert.Null(created.VerifiedOn);

        var before = fixture.Clock.SwedishToday;
        using var response = await _client.SendContactAsync(HttpMethod.Post, $"/api/contacts/{created.Id}/verify", ifMatch: etag);
        var after = fixture.Clock.SwedishToday;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var verified = await response.ReadJsonAsync<ContactResponse>();
        Assert.Contains(verified.VerifiedOn!.Value, new[] { before, after });
        ContactAssert.Same(created with { VerifiedOn = verified.VerifiedOn, Version = 2 }, verified);
        ContactAssert.Same(verified, await _client.GetJsonAsync<ContactResponse>($"/api/contacts/{created.Id}"));
    }

    [Fact]
    public async Task Deleting_erases_the_contact_so_reading_or_deleting_it_afterwards_is_410_gone()
    {
        var (created, etag) = await _client.CreateContactAsync(Chair(await fixture.CreateForumAsync()));

        using (var deleted = await _client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{created.Id}", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await _client.GetAsync($"/api/contacts/{created.Id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.Gone);
        using var again = await _client.DeleteAsync($"/api/contacts/{created.Id}");
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Gone);
    }
}
