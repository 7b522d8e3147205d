using System.Net;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>No route changes or removes an audit record, not even for national staff, at the gateway or in a service.</summary>
public sealed class ImmutableAuditTests(PlatformFixture platform)
{
    [Fact]
    public async Task Audit_records_cannot_be_written_changed_or_removed_through_the_api()
    {
        using var created = await platform.Gateway.PostJsonAsync("/api/institutions", new { name = $"Oföränderliga högskolan {Guid.NewGuid():N}", kind = "university" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        // This test's own institution: other tests write audit records of the same type meanwhile.
        var trail = $"/api/audit?entity=institution:{Uri.EscapeDataString((await created.ReadJsonAsync<CreatedResource>()).Id)}";
        var before = await platform.Gateway.GetAllAsync<JsonElement>(trail);
        var first = before[0].GetProperty("id").GetString();
        var institutions = JsonHttp.CreateClient(platform.Platform.RestUrl("institutions"), platform.Token(Samverkan.Local.TokenRequest.Admin));

        foreach (var client in new[] { platform.Gateway, institutions })
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
            {
                foreach (var path in new[] { "/api/audit", $"/api/audit/{first}" })
                {
                    using var request = new HttpRequestMessage(method, path) { Content = JsonContent("""{"action":"forged"}""") };
                    using var response = await client.SendAsync(request);
                    Assert.True(response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                        $"{method} {path} answered {(int)response.StatusCode}");
                }
            }
        }

        var after = await platform.Gateway.GetAllAsync<JsonElement>(trail);
        Assert.Equal(before.Select(r => r.GetRawText()), after.Select(r => r.GetRawText()));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
