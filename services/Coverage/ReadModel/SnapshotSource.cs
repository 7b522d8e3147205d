using Grpc.Core;
using Samverkan.Events;
using ContactsGrpc = Samverkan.Contacts.Protos;
using ForumsGrpc = Samverkan.Forums.Protos;
using InstitutionsGrpc = Samverkan.Institutions.Protos;
using RegionsGrpc = Samverkan.Regions.Protos;

namespace Samverkan.Coverage.ReadModel;

/// <summary>What a producer's snapshot said: the position it was taken at, every resource, and (Contacts) its staleness period.</summary>
public sealed record Snapshot(long Position, IReadOnlyList<RecordReader.Change> Items, int? ContactStaleAfterMonths);

/// <summary>Reads a producer's snapshot over its gRPC <c>Snapshot</c> stream (each producer's own contract, the same message shape).</summary>
public sealed class SnapshotSource(
    RegionsGrpc.RegionDirectory.RegionDirectoryClient regions,
    InstitutionsGrpc.InstitutionDirectory.InstitutionDirectoryClient institutions,
    ForumsGrpc.ForumDirectory.ForumDirectoryClient forums,
    ContactsGrpc.ContactDirectory.ContactDirectoryClient contacts)
{
    public Task<Snapshot> ReadAsync(string topic, CancellationToken ct) => topic switch
    {
        Topics.Regions => ReadAsync(topic, regions.Snapshot(new RegionsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Institutions => ReadAsync(topic, institutions.Snapshot(new InstitutionsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Forums => ReadAsync(topic, forums.Snapshot(new ForumsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Contacts => ReadAsync(topic, contacts.Snapshot(new ContactsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, c.StaleAfterMonths), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a topic this service reads."),
    };

    private static async Task<Snapshot> ReadAsync<TChunk>(
        string topic, AsyncServerStreamingCall<TChunk> call, Func<TChunk, (long Position, IEnumerable<string> Items, int? Stale)> read, CancellationToken ct)
    {
        using (call)
        {
            var items = new List<RecordReader.Change>();
            long? position = null;
            int? stale = null;
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(ct))
            {
                var (at, json, months) = read(chunk);
                position ??= at;
                stale ??= months;
                items.AddRange(json.Select(item => RecordReader.ReadSnapshotItem(topic, item)));
            }
            return new Snapshot(position ?? throw new InvalidOperationException($"The {topic} snapshot sent nothing."), items, stale);
        }
    }
}
