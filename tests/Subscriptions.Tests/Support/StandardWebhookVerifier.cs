using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>
/// A receiver's check, written from the Standard Webhooks specification
/// (https://www.standardwebhooks.com) and not from the sender's code: the key is the base64
/// after <c>whsec_</c>; the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>;
/// the header holds space-separated <c>v1,{base64 HMAC-SHA256}</c> entries, any one of which
/// may match (compared in constant time); a timestamp more than five minutes from now is refused.
/// </summary>
public static class StandardWebhookVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool Verify(string secret, string id, string timestamp, string signatureHeader, string body, DateTimeOffset now)
    {
        const string prefix = "whsec_";
        if (!secret.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > Tolerance.TotalSeconds)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret[prefix.Length..]);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || entry[..comma] != "v1")
            {
                continue;
            }
            var signature = new byte[64];
            if (Convert.TryFromBase64String(entry[(comma + 1)..], signature, out var length)
                && CryptographicOperations.FixedTimeEquals(expected, signature.AsSpan(0, length)))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Verify(string secret, ReceivedWebhook received, DateTimeOffset now) =>
        Verify(secret, received.Id, received.Timestamp, received.Signature, received.Body, now);

    /// <summary>Signs as a sender would, for building forged or stale requests to check the verifier refuses them.</summary>
    public static string Sign(string secret, string id, string timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]),
            Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
}
