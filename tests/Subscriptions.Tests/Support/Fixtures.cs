using System.Net;
using System.Text.Json;
using Samverkan.Local;
using Samverkan.TestSupport;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>
/// The Subscriptions service hosted in the test process (on its own clock), with two producers
/// as real processes: Institutions (whose writes the tests make) and Regions (which Institutions
/// asks; its seed is in the feed too). The launcher points both producers' relays at
/// Subscriptions and allows private webhook targets.
/// </summary>
public abstract class SubscriptionsFixture(IReadOnlyDictionary<string, string> settings, params string[] services)
    : InProcessServiceFixture<Program>(services)
{
    protected override IReadOnlyDictionary<string, string> Settings => settings;

    /// <summary>Starts the services and waits until the feed holds every producer's seed (<see cref="ProducerSeeds"/>).</summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ProducerSeeds.WaitInFeedAsync(Client, Names.Skip(1));
    }

    public Task<string> CreateInstitutionAsync(string prefix = "Högskolan i Prov") => ProducerSeeds.CreateInstitutionAsync(ClientFor("institutions"), prefix);
}

/// <summary>What every Subscriptions fixture does with its producers.</summary>
public static class ProducerSeeds
{
    /// <summary>
    /// Waits until the change feed holds every producer's seed, so that what a test sees arrive
    /// afterwards is what it wrote (a subscription starts at the feed's end).
    /// </summary>
    public static async Task WaitInFeedAsync(HttpClient subscriptions, IEnumerable<string> producers)
    {
        var root = PlatformOptions.FindRepositoryRoot(AppContext.BaseDirectory);
        var expected = producers.ToDictionary(p => $"/samverkan/{p}", p => JsonDocument.Parse(
            File.ReadAllText(Path.Combine(root, "services", char.ToUpperInvariant(p[0]) + p[1..], "Seed", p + ".json"))).RootElement.GetArrayLength());
        if (expected.Count == 0)
        {
            return;
        }
        await Eventually.TrueAsync(async () =>
        {
            var bySource = (await subscriptions.ReadChangesAsync()).GroupBy(e => e.GetProperty("source").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            return expected.All(seed => bySource.GetValueOrDefault(seed.Key) >= seed.Value);
        }, "every producer's seed in the change feed");
    }

    /// <summary>Creates an institution with a unique name; returns its id.</summary>
    public static async Task<string> CreateInstitutionAsync(HttpClient institutions, string prefix)
    {
        using var response = await institutions.PostJsonAsync("/api/institutions", new { name = $"{prefix} {Guid.NewGuid():N}", kind = "university" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}

/// <summary>For the change feed: a short keep-alive, so a test can see one.</summary>
public sealed class FeedFixture() : SubscriptionsFixture(
    new Dictionary<string, string> { ["Feed__KeepAliveInterval"] = "00:00:01" }, "subscriptions", "institutions", "regions");

/// <summary>For webhooks: a retry schedule of 16 attempts a quarter second apart (about 4 s), so retrying and giving up fit in a test.</summary>
public sealed class WebhookFixture() : SubscriptionsFixture(ShortSchedule(), "subscriptions", "institutions", "regions")
{
    public const int Attempts = 16;

    private static Dictionary<string, string> ShortSchedule()
    {
        var settings = new Dictionary<string, string> { ["Webhooks__PollInterval"] = "00:00:01" };
        for (var i = 0; i < Attempts; i++)
        {
            settings[$"Webhooks__RetrySchedule__{i}"] = i == 0 ? "00:00:00" : "00:00:00.250";
        }
        return settings;
    }
}

/// <summary>Subscriptions alone, with the production default: private targets refused.</summary>
public sealed class RefusingFixture() : SubscriptionsFixture(
    new Dictionary<string, string> { ["Webhooks__AllowPrivateTargets"] = "false" }, "subscriptions");

[CollectionDefinition(Name)]
public sealed class FeedCollection : ICollectionFixture<FeedFixture>
{
    public const string Name = "feed";
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookFixture>
{
    public const string Name = "webhooks";
}

/// <summary>
/// For the test that kills processes: Subscriptions too as a real process (a crash must be a
/// real one), and its own services, so no other test sees them go.
/// </summary>
public sealed class RestartFixture() : ServiceFixture("subscriptions", "institutions", "regions")
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ProducerSeeds.WaitInFeedAsync(Client, ["institutions", "regions"]);
    }

    public Task<string> CreateInstitutionAsync(string prefix) => ProducerSeeds.CreateInstitutionAsync(ClientFor("institutions"), prefix);
}

/// <summary>
/// For the test that kills the relay mid-bulk: Subscriptions and the producers as real processes,
/// bulks of <see cref="BatchSize"/> so that a backlog takes many of them.
/// </summary>
public sealed class RelayKillFixture() : ServiceFixture("subscriptions", "institutions", "regions")
{
    public const int BatchSize = 25;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Events__Relay__BatchSize"] = $"{BatchSize}" };

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ProducerSeeds.WaitInFeedAsync(Client, ["institutions", "regions"]);
    }

    public Task<string> CreateInstitutionAsync(string prefix) => ProducerSeeds.CreateInstitutionAsync(ClientFor("institutions"), prefix);
}

/// <summary>For contact events (erasure, personal data): Contacts and the services it asks (Forums, Institutions, Regions), all producing into the feed.</summary>
public sealed class ContactsFixture() : SubscriptionsFixture(new Dictionary<string, string>(), "subscriptions", "contacts", "forums", "institutions", "regions")
{
    /// <summary>Creates a person contact (as national staff) with a unique name, e-mail and note; returns its id and those.</summary>
    public async Task<(string Id, string Name, string Email, string Note)> CreatePersonAsync()
    {
        var (name, email, note) = ($"Person {Guid.NewGuid():N}", $"{Guid.NewGuid():N}@example.se", $"Anteckning {Guid.NewGuid():N}");
        using var created = await ClientFor("contacts").PostJsonAsync("/api/contacts", new
        {
            kind = "person",
            institutionId = await CreateInstitutionAsync(),
            person = new { name, email },
            note,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return ((await created.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!, name, email, note);
    }
}

[CollectionDefinition(Name)]
public sealed class ContactsCollection : ICollectionFixture<ContactsFixture>
{
    public const string Name = "contacts";
}

/// <summary>
/// For the production retry rules (the Standard Webhooks schedule of about 28 hours, disabling
/// after 5 days), tested on the service's clock: a test advances it instead of waiting. The
/// worker looks for due attempts every 200 ms, so an advanced clock is noticed at once.
/// </summary>
public sealed class ProductionScheduleFixture() : SubscriptionsFixture(
    new Dictionary<string, string> { ["Webhooks__PollInterval"] = "00:00:00.200" }, "subscriptions", "institutions", "regions");
