using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// Tokens that must not hold are refused with 401 by the gateway and by a service reached
/// directly, for reads too (a caller sending broken credentials is told, not served as anonymous),
/// and a write sent with one stores nothing.
/// </summary>
public sealed class TokenValidationTests(PlatformFixture platform)
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var token in new[] { "expired", "wrong audience", "tampered payload", "another signing key", "unsigned (alg none)", "garbage" })
        {
            cases.Add(token, "gateway");
            cases.Add(token, "service");
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_token_that_does_not_hold_is_refused_and_changes_nothing(string kind, string via)
    {
        using var client = Client(via, Bad(kind));
        var name = $"Tokenhögskolan {Guid.NewGuid():N}";

        using var read = await client.GetAsync("/api/institutions");
        using var write = await client.PostJsonAsync("/api/institutions", new { name, kind = "university" });

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(write, HttpStatusCode.Unauthorized);
        Assert.Contains(write.Headers.WwwAuthenticate, header => header.Scheme == "Bearer");
        var all = await platform.Gateway.GetAllAsync<Institution>($"/api/institutions?q={Uri.EscapeDataString(name)}");
        Assert.Empty(all);
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("service")]
    public async Task The_same_token_when_sound_is_accepted(string via)
    {
        using var client = Client(via, platform.Token(TokenRequest.Admin));

        using var write = await client.PostJsonAsync("/api/institutions", new { name = $"Tokenhögskolan {Guid.NewGuid():N}", kind = "university" });

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
    }

    private string Bad(string kind) => kind switch
    {
        "expired" => platform.Token(TokenRequest.Admin with { Lifetime = TimeSpan.FromMinutes(-5) }),
        "wrong audience" => platform.Token(TokenRequest.Admin with { Audience = "another-registry" }),
        "tampered payload" => Tampered(platform.Token(TokenRequest.Editor("lunds-universitet"))),
        "another signing key" => DevelopmentAuth.Mint(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), TokenRequest.Admin),
        "unsigned (alg none)" => Unsigned(platform.Token(TokenRequest.Admin)),
        "garbage" => "not-a-token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>An editor's token whose payload now claims national staff, signature kept.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"org-editor\"", "\"registry-admin\"");
        Assert.Contains("registry-admin", payload);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    private static string Unsigned(string token)
    {
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        return $"{header}.{token.Split('.')[1]}.";
    }

    private HttpClient Client(string via, string token)
    {
        var client = JsonHttp.CreateClient(via == "gateway" ? platform.Platform.GatewayUrl : platform.Platform.RestUrl("institutions"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
