extern alias ContactsService;

using System.Net;
using System.Text.Json;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Who may create, replace, verify and erase a contact: national staff any, an organisation
/// editor only those its organisation owns, nobody else. A refused write changes nothing and
/// leaves no audit record, whoever guesses the id.
/// </summary>
public class ContactWriteAccessTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _admin = fixture.Client;

    public static TheoryData<string> Writes => new() { "create", "replace", "verify", "erase" };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_anonymous_caller_is_401_and_nothing_changes(string write)
    {
        var target = await TargetAsync();

        using var response = await WriteAsync(fixture.AnonymousClient, write, target);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertUnchangedAsync(target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_partner_system_is_403_even_with_the_personal_data_scope_and_nothing_changes(string write)
    {
        var target = await TargetAsync();

        using var response = await WriteAsync(fixture.ClientAs(TokenRequest.PartnerSystem("acme", personalData: true)), write, target);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_editor_of_another_organisation_is_403_naming_the_owner_and_nothing_changes(string write)
    {
        var target = await TargetAsync();
        var other = fixture.ClientAs(TokenRequest.Editor(await fixture.CreateInstitutionAsync()));

        using var response = await WriteAsync(other, write, target);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{target.OwnerId}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task An_editor_of_the_owning_organisation_may_make_it(string write)
    {
        var target = await TargetAsync();

        using var response = await WriteAsync(fixture.ClientAs(TokenRequest.Editor("some-other-org", target.OwnerId)), write, target);

        await AssertAuditedAsync(response, write, target);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_registry_admin_may_make_it(string write)
    {
        var target = await TargetAsync();

        using var response = await WriteAsync(_admin, write, target);

        await AssertAuditedAsync(response, write, target);
    }

    [Fact]
    public async Task An_editor_may_neither_hand_a_contact_to_another_organisation_nor_take_one_over()
    {
        var target = await TargetAsync();
        var otherId = await fixture.CreateInstitutionAsync();
        var body = target.Person.Body(target.InstitutionId, otherId);

        using var handOver = await fixture.ClientAs(TokenRequest.Editor(target.OwnerId)).SendContactAsync(HttpMethod.Put, Path(target), body);
        using var takeOver = await fixture.ClientAs(TokenRequest.Editor(otherId)).SendContactAsync(HttpMethod.Put, Path(target), body);

        var refused = await ProblemAssert.IsProblemAsync(handOver, HttpStatusCode.Forbidden);
        Assert.Contains($"'{otherId}'", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAssert.IsProblemAsync(takeOver, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(target);
        using var moved = await fixture.ClientAs(TokenRequest.Editor(target.OwnerId, otherId)).SendContactAsync(HttpMethod.Put, Path(target), body);
        Assert.Equal(otherId, (await moved.ReadJsonAsync<ContactResponse>()).OwnerInstitutionId);
    }

    [Fact]
    public async Task A_contact_without_an_owner_is_created_and_changed_by_registry_admins_only()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var editor = fixture.ClientAs(TokenRequest.Editor(institutionId));
        var body = new { kind = "function", function = "Chair", institutionId };
        var (contact, _) = await _admin.CreateContactAsync(body);

        using var create = await editor.PostJsonAsync("/api/contacts", body);
        using var replace = await editor.SendContactAsync(HttpMethod.Put, $"/api/contacts/{contact.Id}", body);
        using var verify = await editor.PostAsync($"/api/contacts/{contact.Id}/verify", null);
        using var erase = await editor.DeleteAsync($"/api/contacts/{contact.Id}");

        foreach (var response in new[] { create, replace, verify, erase })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains("without an owner", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal([contact.Id], (await _admin.GetAllAsync<ContactResponse>($"/api/contacts?institution={institutionId}")).Select(c => c.Id));
        ContactAssert.Same(contact, await _admin.GetJsonAsync<ContactResponse>($"/api/contacts/{contact.Id}"));
    }

    /// <summary>A person contact owned by a fresh institution; its owner's editors may change it, nobody else's.</summary>
    private sealed record Target(string InstitutionId, string OwnerId, PersonalContact Person, ContactResponse Contact, string ETag);

    private async Task<Target> TargetAsync()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var ownerId = await fixture.CreateInstitutionAsync();
        var person = PersonalContact.New();
        var (contact, etag) = await _admin.CreateContactAsync(person.Body(institutionId, ownerId));
        return new Target(institutionId, ownerId, person, contact, etag);
    }

    private static string Path(Target target) => $"/api/contacts/{target.Contact.Id}";

    /// <summary>One write on the target; "create" makes a second contact for the target's owner.</summary>
    private static Task<HttpResponseMessage> WriteAsync(HttpClient client, string write, Target target) => write switch
    {
        "create" => client.PostJsonAsync("/api/contacts", PersonalContact.New().Body(target.InstitutionId, target.OwnerId, "Prefekt")),
        "replace" => client.SendContactAsync(HttpMethod.Put, Path(target), target.Person.Body(target.InstitutionId, target.OwnerId, "Prefekt"), target.ETag),
        "verify" => client.SendContactAsync(HttpMethod.Post, $"{Path(target)}/verify", ifMatch: target.ETag),
        "erase" => client.SendContactAsync(HttpMethod.Delete, Path(target), ifMatch: target.ETag),
        _ => throw new ArgumentOutOfRangeException(nameof(write), write, null),
    };

    /// <summary>The target reads as created, its owner has no other contact, and its audit trail holds only the creation.</summary>
    private async Task AssertUnchangedAsync(Target target)
    {
        ContactAssert.Same(target.Contact, await _admin.GetJsonAsync<ContactResponse>(Path(target)));
        Assert.Equal([target.Contact.Id], (await _admin.GetAllAsync<ContactResponse>($"/api/contacts?owner={target.OwnerId}")).Select(c => c.Id));
        Assert.Equal(["created"], await AuditActionsAsync(target.Contact.Id));
    }

    /// <summary>The write succeeded and is the last record in the written contact's audit trail.</summary>
    private async Task AssertAuditedAsync(HttpResponseMessage response, string write, Target target)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var id = write == "create" ? (await response.ReadJsonAsync<ContactResponse>()).Id : target.Contact.Id;
        var expected = write switch { "create" => "created", "replace" => "updated", "verify" => "verified", _ => "erased" };
        Assert.Equal(expected, (await AuditActionsAsync(id))[^1]);
    }

    private async Task<List<string>> AuditActionsAsync(string contactId) =>
        (await _admin.GetAllAsync<JsonElement>($"/api/audit?entity=contact:{contactId}")).Select(record => record.GetProperty("action").GetString()!).ToList();
}
