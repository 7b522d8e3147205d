using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Samverkan.Storage;

/// <summary>
/// How documents are written to storage. Reading is tolerant of fields a newer or older
/// version of the service wrote, so a rolling deploy never makes stored data unreadable.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>For seed files kept in the repository: a misspelt field is a build-time bug, not data to drop.</summary>
    public static JsonSerializerOptions StrictOptions { get; } = Create(strict: true);

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }
}
