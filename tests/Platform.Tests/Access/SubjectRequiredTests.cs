using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.Access;

/// <summary>
/// A valid token that names no subject may read (as anonymous callers do) but not write, at the
/// gateway and in a service reached directly: every change is audited to someone.
/// </summary>
public sealed class SubjectRequiredTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("gateway", null)]
    [InlineData("service", null)]
    [InlineData("gateway", "")]
    [InlineData("service", " ")]
    public async Task A_token_without_a_subject_may_read_but_its_write_is_refused_and_stores_nothing(string via, string? subject)
    {
        using var client = JsonHttp.CreateClient(
            via == "gateway" ? platform.Platform.GatewayUrl : platform.Platform.RestUrl("institutions"), AdminTokenWithSubject(subject));
        var name = $"Ansiktslös högskola {Guid.NewGuid():N}";

        using var read = await client.GetAsync("/api/institutions");
        using var write = await client.PostJsonAsync("/api/institutions", new { name, kind = "university" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var problem = await ProblemAssert.IsProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Contains("subject", problem.GetProperty("title").GetString());
        Assert.Empty(await platform.Gateway.GetAllAsync<Institution>($"/api/institutions?q={Uri.EscapeDataString(name)}"));
    }

    /// <summary>A registry-admin token from this platform's development key, with <paramref name="subject"/> as sub (none when null).</summary>
    private string AdminTokenWithSubject(string? subject)
    {
        var claims = new Dictionary<string, object> { ["roles"] = new[] { "registry-admin" } };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }
        var key = Convert.FromBase64String(DevelopmentAuth.LoadOrCreateKey(platform.DataDirectory));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = true }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentAuth.Issuer,
            Audience = DevelopmentAuth.Audience,
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
