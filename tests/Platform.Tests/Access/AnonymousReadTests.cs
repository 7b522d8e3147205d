using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// The public registry is open, the people in it are not: no anonymous read through the gateway,
/// lists, single resources, the change feed or the exports, ever contains a contact's name,
/// e-mail or phone, while the function is shown.
/// </summary>
public sealed class AnonymousReadTests(PlatformFixture platform)
{
    [Fact]
    public async Task Anonymous_reads_show_the_function_but_never_the_person()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var digits = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (email, phone, name) = ($"hemlig.{unique}@example.se", $"+46 70-{digits}", $"Hemlig {unique}");
        var function = $"Ordförande {unique}";
        using var created = await platform.Gateway.PostJsonAsync("/api/contacts", new
        {
            kind = "person",
            function,
            forumId = "fui-radet",
            ownerInstitutionId = "umea-universitet",
            person = new { name, email, phone },
            note = $"Ring {name}",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync<CreatedResource>()).Id;
        await WaitForFeedAsync(id);

        string[] paths =
        [
            $"/api/contacts/{id}", "/api/contacts?forum=fui-radet", "/api/contacts", "/api/contacts/stale?olderThanMonths=0",
            "/api/forums/fui-radet", "/api/exports/registry.json", "/api/exports/forums.csv", "/api/exports/report.html",
        ];
        foreach (var path in paths)
        {
            var body = await ReadAllAsync(platform.AnonymousGateway, path);
            Assert.DoesNotContain(email, body);
            Assert.DoesNotContain(phone, body);
            Assert.DoesNotContain(name, body);
        }
        var feed = await ReadFeedAsync(platform.AnonymousGateway);
        Assert.Contains(id, feed);
        Assert.DoesNotContain(email, feed);
        Assert.DoesNotContain(phone, feed);
        Assert.DoesNotContain(name, feed);
        Assert.Contains(function, await ReadAllAsync(platform.AnonymousGateway, $"/api/contacts/{id}"));
        Assert.Contains(email, await ReadAllAsync(platform.Gateway, $"/api/contacts/{id}"));
        Assert.Contains(email, await ReadAllAsync(platform.GatewayAs(TokenRequest.PartnerSystem("reader", personalData: true)), $"/api/contacts/{id}"));
        Assert.DoesNotContain(email, await ReadAllAsync(platform.GatewayAs(TokenRequest.PartnerSystem("reader")), $"/api/contacts/{id}"));
    }

    /// <summary>The contact's event reached the change feed (which national staff see whole).</summary>
    private Task WaitForFeedAsync(string contactId) =>
        Eventually.TrueAsync(async () => (await ReadFeedAsync(platform.Gateway)).Contains(contactId), "the contact's event in the change feed");

    /// <summary>
    /// The whole change feed as <paramref name="client"/> sees it, page after page to its end for
    /// now: tests running beside this one add events, so the contact's may lie past any first page.
    /// </summary>
    private static async Task<string> ReadFeedAsync(HttpClient client)
    {
        var feed = new System.Text.StringBuilder();
        string? after = null;
        while (true)
        {
            var body = await ReadAllAsync(client, after is null ? "/api/changes?limit=1000" : $"/api/changes?limit=1000&after={Uri.EscapeDataString(after)}");
            feed.AppendLine(body);
            var page = JsonDocument.Parse(body).RootElement;
            var next = page.GetProperty("next").GetString();
            if (page.GetProperty("events").GetArrayLength() == 0 || next == after)
            {
                return feed.ToString();
            }
            after = next;
        }
    }

    private static async Task<string> ReadAllAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
