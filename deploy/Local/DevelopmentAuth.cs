using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.Local;

/// <summary>What a development token says about its holder.</summary>
public sealed record TokenRequest(
    string Role,
    IReadOnlyList<string>? Organisations = null,
    string? Partner = null,
    bool PersonalData = false,
    string? Subject = null,
    TimeSpan? Lifetime = null,
    string Audience = DevelopmentAuth.Audience)
{
    public static TokenRequest Admin => new("registry-admin", Subject: "admin@samverkan.local");

    public static TokenRequest Editor(params string[] institutions) =>
        new("org-editor", institutions, Subject: $"editor@{string.Join('+', institutions)}");

    public static TokenRequest PartnerSystem(string partner, bool personalData = false) =>
        new("partner", Partner: partner, PersonalData: personalData, Subject: $"client:{partner}");

    /// <summary>Every field, so two requests print alike only when they ask for the same token (test names, client caches).</summary>
    public override string ToString() =>
        $"{Role}[{string.Join(',', Organisations ?? [])}|{Partner}|{(PersonalData ? "personal" : "")}|{Subject}|{Lifetime}|{Audience}]";
}

/// <summary>
/// Tokens for local runs and tests without an identity provider. The launcher runs the platform
/// in the Development environment with a random signing key kept in the data directory (never
/// committed); this class mints tokens with that key. Services refuse the key outside
/// Development (Samverkan.ServiceDefaults.Auth.AuthSettings).
/// </summary>
public static class DevelopmentAuth
{
    public const string Issuer = "samverkan-development";
    public const string Audience = "samverkan";
    /// <summary>The base64 signing key of this data directory, created on first use (readable by the owner only).</summary>
    public static string LoadOrCreateKey(string dataDirectory) => LoadOrCreateSecret(dataDirectory, "development-signing.key");

    /// <summary>
    /// The app API token of this data directory: producers send it with every event and topic
    /// routes refuse deliveries without it (Dapr's APP_API_TOKEN, see Samverkan.Events.Subscribing.AppApiToken).
    /// </summary>
    public static string LoadOrCreateAppApiToken(string dataDirectory) => LoadOrCreateSecret(dataDirectory, "app-api.token");

    private static string LoadOrCreateSecret(string dataDirectory, string fileName)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, fileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return File.ReadAllText(path).Trim();
    }

    public static string Mint(string base64Key, TokenRequest request, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = request.Subject ?? request.Partner ?? request.Role,
            ["roles"] = new[] { request.Role },
        };
        if (request.Organisations is { Count: > 0 } organisations)
        {
            claims["org"] = organisations.ToArray();
        }
        if (request.Partner is not null)
        {
            claims["partner"] = request.Partner;
        }
        if (request.PersonalData)
        {
            claims["scope"] = "contacts:personal";
        }
        var lifetime = request.Lifetime ?? TimeSpan.FromHours(8);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = request.Audience,
            Claims = claims,
            IssuedAt = lifetime < TimeSpan.Zero ? issuedAt + lifetime - TimeSpan.FromMinutes(1) : issuedAt,
            NotBefore = lifetime < TimeSpan.Zero ? issuedAt + lifetime - TimeSpan.FromMinutes(1) : issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
