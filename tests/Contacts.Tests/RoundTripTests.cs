extern alias ContactsService;

using System.Net;
using System.Text.Json.Nodes;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// A client sends back what it read (PUT), or only what changes (PATCH, RFC 7396). Whoever may
/// write a contact is shown its person and note, so a round trip never clears them unseen.
/// </summary>
public class RoundTripTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _admin = fixture.Client;

    private async Task<(JsonObject Read, string OwnerId, PersonalContact Person)> CreateAsync()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var ownerId = await fixture.CreateInstitutionAsync();
        var person = PersonalContact.New();
        var (contact, _) = await _admin.CreateContactAsync(person.Body(institutionId, ownerId));
        return (JsonNode.Parse(await _admin.GetStringAsync($"/api/contacts/{contact.Id}"))!.AsObject(), ownerId, person);
    }

    private static Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string id, JsonNode body, string mediaType = "application/json", string? ifMatch = null) =>
        client.SendJsonAsync(method, $"/api/contacts/{id}", body, ifMatch, mediaType);

    private async Task<ContactResponse> ReadAsync(string id) => await _admin.GetJsonAsync<ContactResponse>($"/api/contacts/{id}");

    private static string Id(JsonObject read) => read["id"]!.GetValue<string>();

    [Fact]
    public async Task An_editors_put_of_exactly_what_get_returned_with_one_field_changed_keeps_person_and_note()
    {
        var (created, ownerId, person) = await CreateAsync();
        var editor = fixture.ClientAs(TokenRequest.Editor(ownerId));
        var id = Id(created);
        var read = JsonNode.Parse(await editor.GetStringAsync($"/api/contacts/{id}"))!.AsObject();
        read["function"] = "Prefekt";

        using var response = await SendAsync(editor, HttpMethod.Put, id, read, ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReadAsync(id);
        Assert.Equal(("Prefekt", 2L), (stored.Function, stored.Version));
        Assert.Equal((person.Name, person.Email, person.Note), (stored.Person!.Name, stored.Person.Email, stored.Note));
    }

    [Fact]
    public async Task A_read_only_field_sent_with_another_value_is_refused_naming_it_and_nothing_changes()
    {
        var (read, _, _) = await CreateAsync();
        read["version"] = 5;
        read["function"] = "Ska inte sparas";

        using var response = await SendAsync(_admin, HttpMethod.Put, Id(read), read);

        await ProblemAssert.NamesFieldsAsync(response, "version");
        var stored = await ReadAsync(Id(read));
        Assert.Equal(("Studierektor", 1L), (stored.Function, stored.Version));
    }

    [Fact]
    public async Task A_merge_patch_changes_the_fields_it_names_and_a_null_removes_one()
    {
        var (read, ownerId, person) = await CreateAsync();

        using var response = await SendAsync(_admin, HttpMethod.Patch, Id(read), new JsonObject { ["function"] = "Prefekt", ["note"] = null },
            "application/merge-patch+json", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag!.Tag);
        var stored = await ReadAsync(Id(read));
        Assert.Equal(("Prefekt", ownerId), (stored.Function, stored.OwnerInstitutionId));
        Assert.Null(stored.Note);
        Assert.Equal(person.Email, stored.Person!.Email);
    }

    [Fact]
    public async Task A_merge_patch_against_a_stale_version_is_412_and_changes_nothing()
    {
        var (read, _, _) = await CreateAsync();

        using var response = await SendAsync(_admin, HttpMethod.Patch, Id(read), new JsonObject { ["function"] = "Prefekt" },
            "application/merge-patch+json", "\"7\"");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, (await ReadAsync(Id(read))).Version);
    }

    [Fact]
    public async Task A_patch_that_is_not_a_merge_patch_is_415()
    {
        var (read, _, _) = await CreateAsync();

        using var response = await SendAsync(_admin, HttpMethod.Patch, Id(read), new JsonObject { ["function"] = "Prefekt" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(1, (await ReadAsync(Id(read))).Version);
    }

    [Fact]
    public async Task An_editor_of_another_organisation_is_403_on_patch_and_nothing_changes()
    {
        var (read, ownerId, _) = await CreateAsync();
        var other = fixture.ClientAs(TokenRequest.Editor(await fixture.CreateInstitutionAsync()));

        using var response = await SendAsync(other, HttpMethod.Patch, Id(read), new JsonObject { ["function"] = "Prefekt" }, "application/merge-patch+json");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{ownerId}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var stored = await ReadAsync(Id(read));
        Assert.Equal(("Studierektor", 1L), (stored.Function, stored.Version));
    }

    [Fact]
    public async Task A_patch_that_hands_the_contact_to_another_organisation_needs_the_right_for_that_one_too()
    {
        var (read, ownerId, _) = await CreateAsync();
        var otherId = await fixture.CreateInstitutionAsync();

        using var response = await SendAsync(fixture.ClientAs(TokenRequest.Editor(ownerId)), HttpMethod.Patch, Id(read),
            new JsonObject { ["ownerInstitutionId"] = otherId }, "application/merge-patch+json");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{otherId}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ownerId, (await ReadAsync(Id(read))).OwnerInstitutionId);
    }

    [Fact]
    public async Task A_caller_shown_the_contact_without_personal_data_cannot_write_it_back_so_nothing_is_cleared()
    {
        var (created, _, person) = await CreateAsync();
        var partner = fixture.ClientAs(TokenRequest.PartnerSystem("acme", personalData: false));
        var id = Id(created);
        var read = JsonNode.Parse(await partner.GetStringAsync($"/api/contacts/{id}"))!.AsObject();
        Assert.Null(read["person"]);

        using var put = await SendAsync(partner, HttpMethod.Put, id, read);
        using var patch = await SendAsync(partner, HttpMethod.Patch, id, new JsonObject { ["function"] = "Prefekt" }, "application/merge-patch+json");

        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(patch, HttpStatusCode.Forbidden);
        var stored = await ReadAsync(id);
        Assert.Equal((1L, person.Email, person.Note), (stored.Version, stored.Person!.Email, stored.Note));
    }
}
