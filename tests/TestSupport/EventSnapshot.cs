using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Samverkan.Events;
using Samverkan.Local;
using Samverkan.ServiceDefaults;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// One event type's contract as a committed JSON file: type, subject and data, the data
/// serialized with the options the producer's outbox uses (the service's API JSON), so a change
/// to what consumers and partners receive shows in review as a diff of that file.
/// <c>UPDATE_SNAPSHOTS=1</c> rewrites the files instead of comparing; a missing file is written
/// and the test fails, so a new type is never accepted without a committed snapshot.
/// </summary>
public static class EventSnapshot
{
    private static readonly JsonSerializerOptions Producer = ProducerOptions();
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="suite">The test project's folder under <c>tests/</c>, e.g. <c>Institutions.Tests</c>.</param>
    /// <param name="announcement">What the producer announces, built by its own <c>Announce</c> or <c>Tombstone</c>.</param>
    public static void AssertMatches(string suite, OutgoingEvent announcement)
    {
        var actual = new JsonObject
        {
            ["type"] = announcement.Type,
            ["subject"] = announcement.Subject,
            ["data"] = JsonSerializer.SerializeToNode(announcement.Data, announcement.Data.GetType(), Producer),
        }.ToJsonString(Written) + "\n";
        var path = Path.Combine(PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory), "tests", suite, "EventSnapshots", announcement.Type + ".json");
        var exists = File.Exists(path);
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (!exists || update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.True(exists || update, $"No snapshot of {announcement.Type} was committed; wrote {path}: review it and commit it.");
            return;
        }
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>The event's data as the producer's outbox serializes it, for a test to read back as a consumer would.</summary>
    public static JsonElement DataAsSent(OutgoingEvent announcement) =>
        JsonSerializer.SerializeToElement(announcement.Data, announcement.Data.GetType(), Producer);

    /// <summary>As ASP.NET Core builds the options the outbox takes (web defaults, then the platform's API JSON).</summary>
    private static JsonSerializerOptions ProducerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ServiceDefaultsExtensions.ConfigureApiJson(options);
        return options;
    }
}
