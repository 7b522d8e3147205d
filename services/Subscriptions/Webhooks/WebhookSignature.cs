using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Subscriptions.Webhooks;

/// <summary>
/// Signing as the Standard Webhooks specification defines it: each secret is <c>whsec_</c> plus
/// the base64 of its key; the signature is <c>v1,</c> plus the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>; several are separated by spaces.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";
    private const int SecretBytes = 24;

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>The header value, one <c>v1,</c> entry per secret in the order given (newest first).</summary>
    public static string Sign(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(
            HMACSHA256.HashData(Key(secret), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")))));

    private static byte[] Key(string secret) => Convert.FromBase64String(secret[SecretPrefix.Length..]);
}
