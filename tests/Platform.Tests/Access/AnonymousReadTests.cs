using System.Net;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// The public registry is open, the people in it are not: no anonymous read through the gateway,
/// lists, single resources, the change feed or the exports, ever contains a contact's name,
/// e-mail or phone, while the function is shown.
/// </summary>
public sealed class AnonymousReadTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
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
            "/api/changes?limit=1000", "/api/forums/fui-radet", "/api/exports/registry.json", "/api/exports/forums.csv", "/api/exports/report.html",
        ];
        foreach (var path in paths)
        {
            var body = await ReadAllAsync(platform.AnonymousGateway, path);
            Assert.DoesNotContain(email, body);
            Assert.DoesNotContain(phone, body);
            Assert.DoesNotContain(name, body);
        }
        Assert.Contains(function, await ReadAllAsync(platform.AnonymousGateway, $"/api/contacts/{id}"));
        Assert.Contains(email, await ReadAllAsync(platform.Gateway, $"/api/contacts/{id}"));
        Assert.Contains(email, await ReadAllAsync(platform.GatewayAs(TokenRequest.PartnerSystem("reader", personalData: true)), $"/api/contacts/{id}"));
        Assert.DoesNotContain(email, await ReadAllAsync(platform.GatewayAs(TokenRequest.PartnerSystem("reader")), $"/api/contacts/{id}"));
    }

    /// <summary>The contact's event reached the change feed (which national staff see whole).</summary>
    private Task WaitForFeedAsync(string contactId) =>
        Eventually.TrueAsync(async () => (await ReadAllAsync(platform.Gateway, "/api/changes?limit=1000")).Contains(contactId), "the contact's event in the change feed");

    private static async Task<string> ReadAllAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
