using Samverkan.Storage;

namespace Samverkan.Contracts.Tests.Storage;

// What services build on the port: typed collections and the one-time seed.
public abstract partial class DocumentStoreContract
{
    private const string Regions = "regions";
    private const string Seed = "regions-v1";

    [Fact]
    public async Task A_document_collection_round_trips_a_record_with_enum_and_DateOnly_fields()
    {
        var units = new DocumentCollection<OrganisationUnit>(Store, "units", unit => unit.Id, unit => [$"region:{unit.Region}", $"kind:{unit.Kind}"]);
        var malmo = new OrganisationUnit("se-1280", "Malmö stad", UnitKind.Municipality, new DateOnly(1971, 1, 1), null, 19.99m, ["Malmö", "Malmoe"], "skane");
        var skane = new OrganisationUnit("se-12", "Region Skåne", UnitKind.RegionalBody, new DateOnly(1999, 1, 1),
            DateTimeOffset.Parse("2024-02-29T23:59:59.1234567+01:00"), 12345678901234.5678901234567m, [], "skane");

        Assert.Equal(1, (await units.InsertAsync(malmo)).Version);
        await units.InsertAsync(skane);
        var renamed = skane with { Name = "Region Skåne, renamed", Founded = new DateOnly(2024, 2, 29) };
        Assert.Equal(2, (await units.ReplaceAsync(renamed, 1)).Version);

        var read = await units.GetAsync(skane.Id);
        Assert.NotNull(read);
        Assert.Equal(2, read.Version);
        AssertSameUnit(renamed, read.Value);
        Assert.Contains("regionalBody", (await Store.FindAsync("units", skane.Id))!.Json, StringComparison.Ordinal);

        var inSkane = new List<Versioned<OrganisationUnit>>();
        await foreach (var unit in units.QueryAsync(tag: "region:skane"))
        {
            inSkane.Add(unit);
        }
        Assert.Equal([skane.Id, malmo.Id], inSkane.Select(unit => unit.Value.Id));
        AssertSameUnit(malmo, inSkane[1].Value);

        await units.DeleteAsync(malmo.Id, 1);
        Assert.Null(await units.GetAsync(malmo.Id));
    }

    [Fact]
    public async Task Seeding_once_loads_the_seed_and_a_second_call_adds_nothing()
    {
        await OpenAsFirstStartAsync();
        Assert.True(await SeedLoader.SeedOnceAsync(Store, Seed, [Insert(Regions, "r1"), Insert(Regions, "r2")]));

        Assert.False(await SeedLoader.SeedOnceAsync(Store, Seed, [Insert(Regions, "r3")]));

        Assert.Equal(["r1", "r2"], await QueryIdsAsync(Regions, new DocumentQuery()));
        Assert.NotNull(await Store.FindAsync(SeedLoader.MarkerCollection, Seed));
    }

    [Fact]
    public async Task Racing_seeds_load_the_seed_once()
    {
        await OpenAsFirstStartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seeds = Enumerable.Range(0, Racers).Select(racer => Task.Run(async () =>
        {
            await gate.Task;
            return await SeedLoader.SeedOnceAsync(Store, Seed, [Insert(Regions, "r1", Named($"racer {racer}")), Insert(Regions, $"only-{racer}")]);
        })).ToArray();
        gate.SetResult();

        var loaded = await Task.WhenAll(seeds);

        Assert.Single(loaded, wasLoaded => wasLoaded);
        Assert.Equal(["only-" + Array.IndexOf(loaded, true), "r1"], await QueryIdsAsync(Regions, new DocumentQuery()));
    }

    [Fact]
    public async Task A_seed_whose_writes_fail_stores_nothing_and_throws()
    {
        await OpenAsFirstStartAsync();
        await Assert.ThrowsAsync<DuplicateDocumentException>(() =>
            SeedLoader.SeedOnceAsync(Store, Seed, [Insert(Regions, "r1"), Insert(Regions, "r2"), Insert(Regions, "r1")]));

        Assert.Empty(await QueryIdsAsync(Regions, new DocumentQuery()));
        Assert.Null(await Store.FindAsync(SeedLoader.MarkerCollection, Seed));
        // Nothing half-loaded, so a corrected seed loads on the next start.
        Assert.True(await SeedLoader.SeedOnceAsync(Store, Seed, [Insert(Regions, "r1"), Insert(Regions, "r2")]));
        Assert.Equal(["r1", "r2"], await QueryIdsAsync(Regions, new DocumentQuery()));
    }

    private static void AssertSameUnit(OrganisationUnit expected, OrganisationUnit actual)
    {
        // Records compare arrays by reference, so the aliases are compared apart.
        Assert.Equal(expected with { Aliases = [] }, actual with { Aliases = [] });
        Assert.Equal(expected.Aliases, actual.Aliases);
    }
}

public enum UnitKind
{
    Municipality,
    RegionalBody,
}

public sealed record OrganisationUnit(
    string Id, string Name, UnitKind Kind, DateOnly Founded, DateTimeOffset? ChangedAt, decimal Budget, string[] Aliases, string Region);
