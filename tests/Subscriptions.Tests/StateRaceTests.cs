using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Samverkan.Audit;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.Storage;
using Samverkan.Storage.Sqlite;
using Samverkan.Subscriptions.Apis;
using Samverkan.Subscriptions.Model;
using Samverkan.Writes;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// The webhook worker writes a subscription's delivery state after every attempt, apart from the
/// API: a write of the subscription that meets such a write still commits, once, against the
/// fresh state. Driven in process, with the worker's write landing just before the first commit.
/// </summary>
public sealed class StateRaceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"state-race-{Guid.NewGuid():N}.db");
    private readonly RacingStore _store;
    private readonly DocumentCollection<WebhookSubscription> _subscriptions;
    private readonly DocumentCollection<DeliveryState> _states;
    private readonly DefaultHttpContext _context = new()
    {
        User = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SamverkanClaims.Subject, "staff-1"), new Claim(SamverkanClaims.Roles, Roles.RegistryAdmin)], "test")),
    };

    public StateRaceTests()
    {
        _store = new RacingStore(new SqliteDocumentStore(_path));
        _subscriptions = new DocumentCollection<WebhookSubscription>(_store, "subscriptions", s => s.Id, s => s.Tags());
        _states = new DocumentCollection<DeliveryState>(_store, "delivery-states", s => s.SubscriptionId);
    }

    public void Dispose()
    {
        _store.Inner.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileNameWithoutExtension(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_patch_that_meets_the_workers_state_write_commits_once_against_the_fresh_state()
    {
        var subscription = await StoreFailingSubscriptionAsync();
        _store.BeforeNextCommit = () => WorkerRecordsAttemptAsync(subscription.Id);
        DeliveryState? committed = null;

        var written = await Writes().ChangeAsync(_context, subscription.Id, current =>
            Change.To(WriteActions.Updated, current.Value with { Enabled = true, DisabledReason = null, DisabledAt = null })
                .CommittedBy(async (writes, ct) => committed = await SubscriptionRules.CommitWithStateAsync(
                    _states, subscription.Id, writes, state => state.WithFreshHead(), ct)), CancellationToken.None);

        Assert.Null(written.Problem);
        Assert.Equal(2, _store.Commits);
        Assert.Equal(2, written.Stored!.Version);
        Assert.True((await _subscriptions.GetAsync(subscription.Id))!.Value.Enabled);
        var state = (await _states.GetAsync(subscription.Id))!;
        Assert.Equal((3, 0, 6L), (state.Version, state.Value.HeadAttempts, state.Value.Position));
        Assert.Equal(committed, state.Value);
        Assert.Equal(["updated"], await AuditActionsAsync());
    }

    [Fact]
    public async Task A_delete_that_meets_the_workers_state_write_removes_both_once()
    {
        var subscription = await StoreFailingSubscriptionAsync();
        _store.BeforeNextCommit = () => WorkerRecordsAttemptAsync(subscription.Id);

        var written = await Writes().DeleteAsync(_context, subscription.Id, null, CancellationToken.None,
            commit: (writes, ct) => SubscriptionRules.DeleteWithStateAsync(_states, subscription.Id, writes, ct));

        Assert.Null(written.Problem);
        Assert.Equal(2, _store.Commits);
        Assert.Null(await _subscriptions.GetAsync(subscription.Id));
        Assert.Null(await _states.GetAsync(subscription.Id));
        Assert.Equal(["deleted"], await AuditActionsAsync());
    }

    private VersionedWrites<WebhookSubscription> Writes() => new(_subscriptions, new SubscriptionResource(),
        new AuditTrail(new HttpContextAccessor { HttpContext = _context }, TimeProvider.System,
            new HostingEnvironment { ApplicationName = "Samverkan.Subscriptions" }, Options.Create(new JsonOptions())));

    /// <summary>A disabled subscription whose head event failed three times, with its state at version 1.</summary>
    private async Task<WebhookSubscription> StoreFailingSubscriptionAsync()
    {
        var subscription = new WebhookSubscription($"sub_{Guid.NewGuid():N}"[..20], "https://partner.example/hook", [], null,
            false, "Disabled through the API.", Now, Now, [new SigningSecret("whsec_test", Now, null)]);
        await _subscriptions.InsertAsync(subscription);
        await _states.InsertAsync(DeliveryState.StartingAfter(subscription.Id, 5) with { HeadPosition = 6, HeadAttempts = 3, FailingSince = Now });
        return subscription;
    }

    /// <summary>What the worker does after an attempt: the state moves on (here past the head), at a new version.</summary>
    private async Task WorkerRecordsAttemptAsync(string id)
    {
        var state = (await _states.GetAsync(id))!;
        await _states.ReplaceAsync(state.Value.Delivered(6), state.Version);
    }

    private async Task<List<string>> AuditActionsAsync()
    {
        var records = new List<string>();
        await foreach (var stored in _store.QueryAsync(AuditTrail.Collection, new DocumentQuery()))
        {
            records.Add(JsonNode.Parse(stored.Json)!["action"]!.GetValue<string>());
        }
        return records;
    }

    /// <summary>A store that runs one write of its own just before the next commit it is given, as a concurrent writer would.</summary>
    private sealed class RacingStore(SqliteDocumentStore inner) : IDocumentStore
    {
        public SqliteDocumentStore Inner => inner;

        public Func<Task>? BeforeNextCommit { get; set; }

        /// <summary>The commits given since <see cref="BeforeNextCommit"/> was set, the racing write not counted.</summary>
        public int Commits { get; private set; }

        public async Task<IReadOnlyList<long>> CommitAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
        {
            if (BeforeNextCommit is { } race)
            {
                BeforeNextCommit = null;
                await race();
                Commits = 0;
            }
            Commits++;
            return await inner.CommitAsync(writes, cancellationToken);
        }

        public Task<StoredDocument?> FindAsync(string collection, string id, CancellationToken cancellationToken = default) =>
            inner.FindAsync(collection, id, cancellationToken);

        public IAsyncEnumerable<StoredDocument> QueryAsync(string collection, DocumentQuery query, CancellationToken cancellationToken = default) =>
            inner.QueryAsync(collection, query, cancellationToken);

        public Task ForgetOldVersionsAsync(CancellationToken cancellationToken = default) => inner.ForgetOldVersionsAsync(cancellationToken);

        public Task<bool> PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
    }
}
