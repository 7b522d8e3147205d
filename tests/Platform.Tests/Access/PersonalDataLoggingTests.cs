using System.Net;
using System.Net.Http.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// A contact's life (created, corrected, refused with a bad value, verified, erased), with the
/// processes logging at their usual level: no process writes the person's name, e-mail or phone
/// to its output, the way a log collector would read it.
/// </summary>
public sealed class PersonalDataLoggingTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
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
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the event deliveries and their log lines happen
        foreach (var process in platform.Platform.Processes)
        {
            var output = platform.Platform.OutputOf(process);
            Assert.DoesNotContain(marker, output);
            Assert.DoesNotContain("555 12 34", output);
        }
        Assert.Contains(platform.Platform.Processes, process => platform.Platform.OutputOf(process).Contains(id, StringComparison.Ordinal));
    }
}
