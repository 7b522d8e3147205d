using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.Contacts.Protos;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.ReadModel;
using Samverkan.Events;
using Samverkan.Forums.Protos;
using Samverkan.Institutions.Protos;
using Samverkan.Local;
using Samverkan.Regions.Protos;
using Samverkan.Storage.Sqlite;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// The from-scratch computation the incrementally maintained read model is compared with: a new
/// read model in a store of its own, built from the producers' snapshots only (no event), and
/// the same calculators over it. What the two answer must agree once the events have arrived.
/// </summary>
internal sealed class ScratchModel : IDisposable
{
    private readonly TemporaryDirectory _data = new("scratch");
    private readonly SqliteDocumentStore _store;
    private readonly List<GrpcChannel> _channels = [];

    private ScratchModel(TimeProvider clock)
    {
        _store = new SqliteDocumentStore(Path.Combine(_data.Path, "scratch.db"));
        Model = new CoverageReadModel(new ReadModelStore(_store), clock, NullLogger<CoverageReadModel>.Instance);
        Coverage = new CoverageService(Model, Options.Create(new CoverageOptions()));
    }

    public CoverageReadModel Model { get; }

    public CoverageService Coverage { get; }

    public static async Task<ScratchModel> BuildAsync(RunningPlatform platform, TimeProvider clock)
    {
        var scratch = new ScratchModel(clock);
        GrpcChannel Channel(string service)
        {
            var channel = GrpcChannel.ForAddress(platform.GrpcUrl(service));
            scratch._channels.Add(channel);
            return channel;
        }
        var source = new SnapshotSource(
            new RegionDirectory.RegionDirectoryClient(Channel("regions")), new InstitutionDirectory.InstitutionDirectoryClient(Channel("institutions")),
            new ForumDirectory.ForumDirectoryClient(Channel("forums")), new ContactDirectory.ContactDirectoryClient(Channel("contacts")));
        foreach (var topic in Topics.All)
        {
            await scratch.Model.ApplySnapshotAsync(topic, source.ReadAsync(topic, CancellationToken.None), CancellationToken.None);
        }
        return scratch;
    }

    /// <summary>Every answer for <paramref name="asOf"/>, written as JSON, without the freshness (which differs by nature).</summary>
    public string Answers(DateOnly asOf)
    {
        var state = Model.Current;
        var answers = new JsonObject { ["national"] = Json(Coverage.National(state, asOf) with { ReadModel = null }) };
        foreach (var region in state.Indexes.Regions)
        {
            answers[region.Id] = Json(Coverage.Region(state, region.Id, asOf)! with { ReadModel = null });
            answers[$"{region.Id}/reach"] = Json(Coverage.Reach(state, region.Id, asOf)! with { ReadModel = null });
        }
        return answers.ToJsonString();
    }

    /// <summary>The same answers read from the running service over HTTP, written the same way.</summary>
    public static async Task<string> AnswersOfAsync(HttpClient coverage, IEnumerable<string> regions, DateOnly asOf)
    {
        var date = asOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var answers = new JsonObject { ["national"] = Json(await coverage.GetJsonAsync<NationalCoverage>($"/api/coverage?asOf={date}") with { ReadModel = null }) };
        foreach (var region in regions)
        {
            answers[region] = Json(await coverage.GetJsonAsync<RegionCoverage>($"/api/coverage/regions/{region}?include=matrix&asOf={date}") with { ReadModel = null });
            answers[$"{region}/reach"] = Json(await coverage.GetJsonAsync<ReachPlan>($"/api/coverage/regions/{region}/reach?asOf={date}") with { ReadModel = null });
        }
        return answers.ToJsonString();
    }

    private static JsonNode? Json<T>(T value) => JsonSerializer.SerializeToNode(value, JsonHttp.Options);

    public void Dispose()
    {
        _channels.ForEach(channel => channel.Dispose());
        _store.Dispose();
        _data.Dispose();
    }
}
