using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// A contact's life (created, corrected, refused with a bad value, verified, erased), with the
/// processes logging at their usual level: no process writes the person's name, e-mail or phone
/// to its output, the way a log collector would read it.
/// </summary>
[Collection(OwnPlatform.Name)]
public sealed class PersonalDataLoggingTests(OwnPlatformFixture platform)
{
    [Fact]
    public async Task No_process_logs_the_person_behind_a_contact()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var person = new { name = $"Loggfri {marker}", email = $"loggfri.{marker}@example.se", phone = "+46 70-555 12 34" };
        object Contact(object who) => new { kind = "person", function = "Sekreterare", forumId = "rur", ownerInstitutionId = "umea-universitet", person = who };

        using var created = await platform.Gateway.PostJsonAsync("/api/contacts", Contact(person));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadJsonAsync<CreatedResource>()).Id;
        using var corrected = await platform.Gateway.PutJsonAsync($"/api/contacts/{id}", Contact(person with { email = $"ny.{marker}@example.se" }));
        using var refused = await platform.Gateway.PutJsonAsync($"/api/contacts/{id}", Contact(person with { email = $"trasig {marker}" }));
        using var verified = await platform.Gateway.PostAsJsonAsync($"/api/contacts/{id}/verify", new { });
        using var erased = await platform.Gateway.DeleteAsync($"/api/contacts/{id}");

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        await WaitUntilDeliveredEverywhereAsync(id);
        foreach (var process in platform.Platform.Processes)
        {
            var output = platform.Platform.OutputOf(process);
            Assert.DoesNotContain(marker, output);
            Assert.DoesNotContain("555 12 34", output);
        }
        Assert.Contains(platform.Platform.Processes, process => platform.Platform.OutputOf(process).Contains(id, StringComparison.Ordinal));
    }

    /// <summary>
    /// The barrier before looking for what must not be logged: the erasure, the contact's last
    /// event, is in the change feed with its sequence, and Contacts' relay has delivered up to that
    /// sequence to every destination. The relay counts an event delivered once the subscriber has
    /// handled it, so every delivery of the contact's events, and its log lines, came before.
    /// </summary>
    private async Task WaitUntilDeliveredEverywhereAsync(string contactId)
    {
        var erasure = await Eventually.GetValueAsync(async () =>
        {
            var feed = JsonDocument.Parse(await platform.Gateway.GetStringAsync("/api/changes?limit=1000")).RootElement;
            return feed.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("subject").GetString() == contactId && e.GetProperty("type").GetString() == "samverkan.contact.erased.v1")
                .Select(e => (long?)long.Parse(e.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
        }, "the erasure in the change feed");
        using var contacts = JsonHttp.CreateClient(platform.Platform.RestUrl("contacts"));
        await Eventually.TrueAsync(async () =>
        {
            using var response = await contacts.GetAsync("/health");
            var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            var delivered = checks.EnumerateObject()
                .Where(check => check.Value.GetProperty("data").ValueKind == JsonValueKind.Object)
                .SelectMany(check => check.Value.GetProperty("data").EnumerateObject())
                .Where(destination => destination.Value.ValueKind == JsonValueKind.Object && destination.Value.TryGetProperty("delivered", out _))
                .Select(destination => destination.Value.GetProperty("delivered").GetInt64())
                .ToList();
            return delivered.Count > 0 && delivered.All(sequence => sequence >= erasure);
        }, "Contacts' events delivered to every destination up to the erasure");
    }
}
