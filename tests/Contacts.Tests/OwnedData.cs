using System.Net;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Forums and institutions a test creates for itself through the services that own them, so
/// what a filter finds depends on that test alone.
/// </summary>
internal static class OwnedData
{
    private sealed record Created(string Id);

    public static Task<string> CreateForumAsync(this ContactsFixture fixture) =>
        CreateAsync(fixture.ClientFor("forums"), "/api/forums", new
        {
            name = $"Kontaktforum {Guid.NewGuid():N}",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet", capacity = "member" } },
        });

    public static Task<string> CreateInstitutionAsync(this ContactsFixture fixture) =>
        CreateAsync(fixture.ClientFor("institutions"), "/api/institutions", new { name = $"Kontakthögskolan {Guid.NewGuid():N}", kind = "university" });

    private static async Task<string> CreateAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<Created>()).Id;
    }
}
