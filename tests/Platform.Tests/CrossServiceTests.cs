using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>Answers that need more than one service, driven through the gateway only.</summary>
public sealed class CrossServiceTests(PlatformFixture fixture)
{
    private readonly HttpClient gateway = fixture.Gateway;

    [Fact]
    public async Task A_forum_lists_its_participants_by_their_current_names_from_the_institutions_service()
    {
        var institution = await CreateAsync<Institution>("/api/institutions", new { name = $"Högskolan i Prov {Guid.NewGuid():N}", kind = "university" });
        var forum = await CreateAsync<Forum>("/api/forums", new
        {
            name = $"Provforum {Guid.NewGuid():N}",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = institution.Id }, new { institutionId = "umea-universitet" } },
        });
        Assert.Equal([institution.Name, "Umeå universitet"], forum.Participants.Select(p => p.InstitutionName));

        var renamed = $"Provuniversitetet {Guid.NewGuid():N}";
        using (var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/institutions/{institution.Id}")
        {
            Content = JsonContent.Create(new { name = renamed, kind = "university" }),
        })
        {
            rename.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
            using var response = await gateway.SendAsync(rename);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The Forums service learns the new name from the Institutions service's event.
        var current = await Eventually.GetAsync(async () =>
        {
            var read = await gateway.GetJsonAsync<Forum>($"/api/forums/{forum.Id}");
            return read.Participants[0].InstitutionName == renamed ? read : null;
        }, "the new name in the forum");
        Assert.Equal(renamed, current.Participants[0].InstitutionName);
    }

    private async Task<T> CreateAsync<T>(string path, object body)
    {
        using var response = await gateway.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync<T>();
    }
}
