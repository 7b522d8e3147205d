using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// Every role against every write endpoint, through the gateway and straight to the owning
/// service (which must refuse on its own): allowed writes succeed and leave an audit record
/// naming the caller; refused ones answer 401/403, change nothing and leave no audit record.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var endpoint in WriteEndpoint.All)
        {
            foreach (var caller in Callers.All)
            {
                cases.Add(endpoint.Name, caller, "gateway");
                cases.Add(endpoint.Name, caller, "service");
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_may_do_exactly_what_it_is_allowed_to(string endpointName, string caller, string via)
    {
        var endpoint = WriteEndpoint.Named(endpointName);
        var token = Callers.Token(caller);
        var write = await endpoint.Prepare(new WriteContext(platform.Gateway, token is { Role: "partner" } ? platform.GatewayAs(token) : null));
        using var callerClient = ClientFor(via, write.Service, token);
        using var admin = ServiceClient(write.Service, Samverkan.Local.TokenRequest.Admin);
        var auditBefore = await AuditCountAsync(admin, write.AuditType);
        var stateBefore = await ReadBackAsync(admin, write);

        using var response = await callerClient.SendAsync(new HttpRequestMessage(write.Method, write.Path)
        {
            Content = write.Body is null ? null : JsonContent.Create(write.Body, options: JsonHttp.Options),
        });

        var refusal = Callers.Refusal(caller, endpoint);
        if (refusal is { } status)
        {
            await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status);
            Assert.Equal(stateBefore, await ReadBackAsync(admin, write));
            Assert.Equal(auditBefore, await AuditCountAsync(admin, write.AuditType));
            return;
        }
        Assert.True(response.IsSuccessStatusCode, $"{write.Method} {write.Path} as {caller}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var entityId = write.EntityId ?? (await response.ReadJsonAsync<CreatedResource>()).Id;
        var records = await admin.GetAllAsync<JsonElement>($"/api/audit?entity={write.AuditType}:{Uri.EscapeDataString(entityId)}");
        Assert.Contains(records, record => record.GetProperty("actor").GetProperty("subject").GetString() == token!.Subject);
        Assert.Equal(auditBefore + 1, await AuditCountAsync(admin, write.AuditType));
    }

    private HttpClient ClientFor(string via, string service, Samverkan.Local.TokenRequest? token)
    {
        var address = via == "gateway" ? platform.Platform.GatewayUrl : platform.Platform.RestUrl(service);
        return token is null ? JsonHttp.CreateClient(address) : JsonHttp.CreateClient(address, platform.Token(token));
    }

    private HttpClient ServiceClient(string service, Samverkan.Local.TokenRequest token) =>
        JsonHttp.CreateClient(platform.Platform.RestUrl(service), platform.Token(token));

    private static async Task<int> AuditCountAsync(HttpClient admin, string type) =>
        (await admin.GetAllAsync<JsonElement>($"/api/audit?entity={type}")).Count;

    /// <summary>The resource as national staff read it (status and body), or the audit-free marker for a creation.</summary>
    private static async Task<string> ReadBackAsync(HttpClient admin, PreparedWrite write)
    {
        if (write.ReadBack is null)
        {
            return "(creation: checked through the audit count)";
        }
        using var response = await admin.GetAsync(write.ReadBack);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }
}
