extern alias ContactsService;

using System.Net;
using ContactsService::Samverkan.Contacts.Apis;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// What erasure leaves: a tombstone that keeps the id taken, so reading it says 410 Gone and
/// when, no list shows it, nothing more can be written to it, and a new contact gets another id.
/// </summary>
public class ContactTombstoneTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Reading_an_erased_contact_is_410_gone_saying_when()
    {
        var contact = await ErasedAsync();

        using var response = await fixture.AnonymousClient.GetAsync($"/api/contacts/{contact.Id}");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone);
        var detail = problem.GetProperty("detail").GetString();
        var today = fixture.Clock.SwedishToday;
        Assert.Contains(new[] { today.AddDays(-1), today }, day => detail == $"Contact '{contact.Id}' was erased on {day:yyyy-MM-dd}.");
    }

    [Fact]
    public async Task An_erased_contact_is_in_no_list()
    {
        var contact = await ErasedAsync();

        var byInstitution = await _client.GetAllAsync<ContactResponse>($"/api/contacts?institution={contact.InstitutionId}");
        var byOwner = await _client.GetAllAsync<ContactResponse>($"/api/contacts?owner={contact.OwnerInstitutionId}");
        var all = await _client.GetAllAsync<ContactResponse>("/api/contacts?limit=1000");
        var stale = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale?olderThanMonths=0");

        Assert.Empty(byInstitution);
        Assert.Empty(byOwner);
        Assert.DoesNotContain(all, c => c.Id == contact.Id);
        Assert.DoesNotContain(stale.Owners, owner => owner.OwnerInstitutionId == contact.OwnerInstitutionId);
    }

    [Theory]
    [InlineData("PUT", "")]
    [InlineData("POST", "/verify")]
    [InlineData("DELETE", "")]
    public async Task Writing_to_an_erased_contact_is_410_gone(string method, string suffix)
    {
        var contact = await ErasedAsync();

        using var response = await _client.SendContactAsync(new HttpMethod(method), $"/api/contacts/{contact.Id}{suffix}",
            method == "PUT" ? new { kind = "function", function = "Revived", institutionId = contact.InstitutionId } : null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Gone);
    }

    [Fact]
    public async Task A_new_contact_like_an_erased_one_gets_another_id()
    {
        var forumId = await fixture.CreateForumAsync();
        var body = new { kind = "function", function = "Chair", forumId };
        var (first, etag) = await _client.CreateContactAsync(body);
        using (var erased = await _client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{first.Id}", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var (second, _) = await _client.CreateContactAsync(body);

        Assert.Equal($"{forumId}-chair", first.Id);
        Assert.StartsWith($"{first.Id}-", second.Id, StringComparison.Ordinal);
        using var gone = await _client.GetAsync($"/api/contacts/{first.Id}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    /// <summary>A person contact, owned by a fresh institution, created and erased.</summary>
    private async Task<ContactResponse> ErasedAsync()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (contact, etag) = await _client.CreateContactAsync(PersonalContact.New().Body(institutionId, institutionId));
        using var erased = await _client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{contact.Id}", ifMatch: etag);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        return contact;
    }
}
