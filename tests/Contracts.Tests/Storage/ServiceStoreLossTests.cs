using System.Net;
using Microsoft.Data.Sqlite;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// A real service process on a data directory of its own (regions: the smallest seed, and
/// nothing it calls): once it has started, losing or damaging its database stops the next start
/// with the file named, instead of a healthy service seeded afresh.
/// </summary>
public sealed class ServiceStoreLossTests
{
    private const string Service = "regions";
    private const int SeededRegions = 6;

    [Theory]
    [InlineData(Damage.Deleted)]
    [InlineData(Damage.Emptied)]
    [InlineData(Damage.Garbled)]
    public async Task A_service_whose_database_was_deleted_emptied_or_garbled_refuses_to_start_and_seeds_nothing(Damage damage)
    {
        using var data = new TemporaryDirectory("store-loss");
        var database = DatabaseIn(data.Path);
        await using (var first = await StartAsync(data.Path))
        {
            Assert.Equal(SeededRegions, await CountRegionsAsync(first));
        }
        StoreDamage.Apply(damage, database);
        var damaged = StoreDamage.Snapshot(database);

        var refused = await Assert.ThrowsAsync<PlatformStartException>(() => StartAsync(data.Path));

        Assert.NotNull(refused.ExitCode);
        Assert.NotEqual(0, refused.ExitCode);
        var reason = ReasonOf(refused);
        Assert.Contains("Storage refused", reason, StringComparison.Ordinal);
        Assert.Contains($"The store {database} is {(damage == Damage.Garbled ? "damaged" : "missing or empty")}", reason, StringComparison.Ordinal);
        // Not created again, not filled, not repaired: the start wrote nothing at all.
        Assert.Equal(damaged, StoreDamage.Snapshot(database));
    }

    [Fact]
    public async Task A_database_restored_from_a_backup_starts_again_and_removing_the_marker_starts_over_with_the_seed()
    {
        using var data = new TemporaryDirectory("store-recovery");
        using var backup = new TemporaryDirectory("store-backup");
        var database = DatabaseIn(data.Path);
        await using (await StartAsync(data.Path))
        {
        }
        File.Copy(database, Path.Combine(backup.Path, Path.GetFileName(database)));
        StoreDamage.Apply(Damage.Deleted, database);
        await Assert.ThrowsAsync<PlatformStartException>(() => StartAsync(data.Path));

        File.Copy(Path.Combine(backup.Path, Path.GetFileName(database)), database);
        await using (var restored = await StartAsync(data.Path))
        {
            Assert.Equal(SeededRegions, await CountRegionsAsync(restored));
        }

        StoreDamage.Apply(Damage.Deleted, database);
        File.Delete(Path.Combine(data.Path, $"{Service}.initialised"));
        await using var startedOver = await StartAsync(data.Path);
        Assert.Equal(SeededRegions, await CountRegionsAsync(startedOver));
    }

    [Fact]
    public async Task A_service_whose_store_is_emptied_while_it_runs_reports_unhealthy()
    {
        using var data = new TemporaryDirectory("store-emptied");
        await using var platform = await StartAsync(data.Path);
        using var client = JsonHttp.CreateClient(platform.RestUrl(Service));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using (var connection = new SqliteConnection($"Data Source={DatabaseIn(data.Path)};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM document_tags; DELETE FROM documents;";
            await command.ExecuteNonQueryAsync();
        }

        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("no longer holds the store opened at start", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string DatabaseIn(string dataDirectory) => Path.Combine(dataDirectory, $"{Service}.db");

    private static Task<RunningPlatform> StartAsync(string dataDirectory) =>
        RunningPlatform.StartAsync(TestPlatform.Options(dataDirectory, [Service], gateway: false));

    private static async Task<int> CountRegionsAsync(RunningPlatform platform)
    {
        using var client = JsonHttp.CreateClient(platform.RestUrl(Service));
        return (await client.GetAllAsync<System.Text.Json.JsonElement>("/api/regions")).Count;
    }

    private static string ReasonOf(PlatformStartException refused)
    {
        var line = refused.Message.Split(Environment.NewLine).FirstOrDefault(l => l.StartsWith("Reason: ", StringComparison.Ordinal));
        Assert.True(line is not null, $"The failure names no reason:{Environment.NewLine}{refused.Message}");
        return line;
    }
}
