using System.Security.Cryptography;
using System.Text;

namespace Samverkan.ServiceDefaults.Auth;

/// <summary>What a valid API key stands for.</summary>
public sealed record ApiKeyIdentity(string KeyId, string Partner, bool PersonalData);

/// <summary>Finds the partner behind an API key; Subscriptions owns the keys, every other process asks it.</summary>
public interface IApiKeyResolver
{
    /// <summary>The identity, or null for an unknown or revoked key.</summary>
    Task<ApiKeyIdentity?> ResolveAsync(string keyId, string secretHash, CancellationToken cancellationToken);
}

/// <summary>
/// API keys look like <c>svk.&lt;key id&gt;.&lt;secret&gt;</c>. Only the SHA-256 of the secret is
/// stored or sent between services: the secret is 32 random bytes, so a plain hash cannot be
/// reversed by guessing, and the key id finds the record without scanning.
/// </summary>
public static class ApiKeyFormat
{
    public const string Header = "X-Api-Key";
    private const string Prefix = "svk";

    public static (string KeyId, string Secret) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, secret);
    }

    public static string Compose(string keyId, string secret) => $"{Prefix}.{keyId}.{secret}";

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        var parts = key?.Split('.') ?? [];
        var valid = parts is [Prefix, { Length: 16 }, { Length: > 20 }];
        keyId = valid ? parts[1] : "";
        secret = valid ? parts[2] : "";
        return valid;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool Matches(string storedHash, string presentedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(presentedHash));
}
