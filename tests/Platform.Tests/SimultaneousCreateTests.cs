using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// Creates that race for the same readable id: each gets an id of its own (the plain slug for
/// one, a suffixed slug for the others), never a 409, through the gateway.
/// </summary>
public sealed class SimultaneousCreateTests(PlatformFixture fixture)
{
    private const int Creates = 8;
    private readonly HttpClient gateway = fixture.Gateway;

    [Theory]
    [InlineData("institutions")]
    [InlineData("forums")]
    [InlineData("contacts")]
    public async Task Simultaneous_creates_with_the_same_name_all_answer_201_with_distinct_ids(string resource)
    {
        var name = $"Samtidig {Guid.NewGuid():N}";
        var body = resource switch
        {
            "institutions" => (object)new { name, kind = "university" },
            "forums" => new { name, regionIds = new[] { "norra" }, participants = new[] { new { institutionId = "umea-universitet" } } },
            _ => new { kind = "function", function = name, forumId = await CreateForumAsync() },
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, Creates).Select(async _ =>
        {
            using var response = await gateway.PostJsonAsync($"/api/{resource}", body);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, answer => Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{(int)answer.StatusCode}: {answer.Body}"));
        var ids = answers.Select(answer => JsonDocument.Parse(answer.Body).RootElement.GetProperty("id").GetString()!).ToList();
        Assert.Equal(Creates, ids.Distinct().Count());
        var plain = Assert.Single(ids, id => !ids.Any(other => other != id && id.StartsWith(other + "-", StringComparison.Ordinal)));
        Assert.All(ids.Where(id => id != plain), id => Assert.Matches($"^{plain}-[0-9a-f]{{6}}$", id));
        foreach (var id in ids)
        {
            using var read = await gateway.GetAsync($"/api/{resource}/{id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }
    }

    private async Task<string> CreateForumAsync()
    {
        using var response = await gateway.PostJsonAsync("/api/forums", new
        {
            name = $"Kontaktforum {Guid.NewGuid():N}",
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "umea-universitet" } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
