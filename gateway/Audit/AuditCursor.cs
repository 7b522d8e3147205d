using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Samverkan.Http;

namespace Samverkan.Gateway.Audit;

/// <summary>
/// Where a walk through the merged trail stands: the last record id returned from each service
/// (services not named are read from their start). Opaque to callers: base64url of a JSON object.
/// </summary>
public static class AuditCursor
{
    public static IReadOnlyDictionary<string, string> Parse(string? cursor, Validation validation)
    {
        var (decoded, _) = Paging.Parse(cursor, null, validation);
        if (decoded is null)
        {
            return new Dictionary<string, string>();
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(decoded) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            validation.Add("cursor", "Not a cursor returned by this list.");
            return new Dictionary<string, string>();
        }
    }

    public static string Format(IReadOnlyDictionary<string, string> lastIds) => Encode(JsonSerializer.Serialize(lastIds));

    /// <summary>The cursor a service's own list takes to continue after <paramref name="id"/> (see <see cref="Paging"/>).</summary>
    public static string Encode(string id) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(id));
}
