using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Web.Tests;

/// <summary>Each test's own forums and contacts, created through the API as national staff before the browser opens.</summary>
public sealed class TestData(WebFixture fixture)
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A forum in Norra with Region Västerbotten (formerly Västerbottens läns landsting) taking part.</summary>
    public async Task<(string Id, string Name)> ForumAsync()
    {
        var name = Unique("Webbprovforum");
        var created = await CreateAsync("/api/forums", new
        {
            name,
            regionIds = new[] { "norra" },
            participants = new[] { new { institutionId = "region-vasterbotten" }, new { institutionId = "umea-universitet" } },
            purpose = "Ett forum som webbläsartesterna skapar.",
        });
        return (created.GetProperty("id").GetString()!, name);
    }

    /// <summary>A university of the test's own, under a name no other test uses.</summary>
    public async Task<(string Id, string Name)> InstitutionAsync()
    {
        var name = Unique("Webbprovhögskolan");
        var created = await CreateAsync("/api/institutions", new { name, kind = "university" });
        return (created.GetProperty("id").GetString()!, name);
    }

    /// <summary>A contact owned by <paramref name="owner"/>, last verified long ago (so stale).</summary>
    public async Task<(string Id, string Function)> StaleContactAsync(string owner)
    {
        var function = Unique("Webbprovkontakt");
        var created = await CreateAsync("/api/contacts", new
        {
            kind = "person",
            function,
            institutionId = owner,
            ownerInstitutionId = owner,
            person = new { name = "Kim Provsson", email = "kim.provsson@example.se", phone = "090-123 45" },
            verifiedOn = "2019-03-01",
        });
        return (created.GetProperty("id").GetString()!, function);
    }

    public async Task<JsonElement> GetAsync(string path) => await fixture.Gateway.GetJsonAsync<JsonElement>(path);

    private async Task<JsonElement> CreateAsync(string path, object body)
    {
        using var response = await fixture.Gateway.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>Whether the change feed (as national staff read it) holds an event naming <paramref name="id"/> and containing <paramref name="text"/>.</summary>
    public async Task<bool> ChangeFeedMentionsAsync(string id, string text)
    {
        string? after = null;
        while (true)
        {
            var page = await fixture.Gateway.GetJsonAsync<JsonElement>(after is null ? "/api/changes?limit=1000" : $"/api/changes?limit=1000&after={Uri.EscapeDataString(after)}");
            if (page.GetProperty("events").EnumerateArray().Select(change => change.GetRawText()).Any(change => change.Contains(id, StringComparison.Ordinal) && change.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }
            var next = page.GetProperty("next").GetString();
            if (page.GetProperty("events").GetArrayLength() == 0 || next == after)
            {
                return false;
            }
            after = next;
        }
    }
}
