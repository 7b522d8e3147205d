using System.Runtime.CompilerServices;
using Grpc.Core;
using Samverkan.Events;
using ContactsGrpc = Samverkan.Contacts.Protos;
using ForumsGrpc = Samverkan.Forums.Protos;
using InstitutionsGrpc = Samverkan.Institutions.Protos;
using RegionsGrpc = Samverkan.Regions.Protos;

namespace Samverkan.Coverage.ReadModel;

/// <summary>One message of a producer's snapshot: the position it was taken at, some resources, and (Contacts) its staleness period.</summary>
public sealed record SnapshotPart(long Position, IReadOnlyList<RecordReader.Change> Items, int? ContactStaleAfterMonths);

/// <summary>Reads a producer's snapshot over its gRPC <c>Snapshot</c> stream (each producer's own contract, the same message shape).</summary>
public sealed class SnapshotSource(
    RegionsGrpc.RegionDirectory.RegionDirectoryClient regions,
    InstitutionsGrpc.InstitutionDirectory.InstitutionDirectoryClient institutions,
    ForumsGrpc.ForumDirectory.ForumDirectoryClient forums,
    ContactsGrpc.ContactDirectory.ContactDirectoryClient contacts)
{
    public IAsyncEnumerable<SnapshotPart> ReadAsync(string topic, CancellationToken ct) => topic switch
    {
        Topics.Regions => ReadAsync(topic, regions.Snapshot(new RegionsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Institutions => ReadAsync(topic, institutions.Snapshot(new InstitutionsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Forums => ReadAsync(topic, forums.Snapshot(new ForumsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, null), ct),
        Topics.Contacts => ReadAsync(topic, contacts.Snapshot(new ContactsGrpc.SnapshotRequest(), cancellationToken: ct), c => (c.Position, c.Items, c.StaleAfterMonths), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a topic this service reads."),
    };

    /// <summary>
    /// How far the producer has written: the position of its snapshot's first message, read
    /// before its resources (EventSnapshot), so the rest of the stream is left unread and cancelled.
    /// </summary>
    public Task<long> PositionAsync(string topic, CancellationToken ct) => topic switch
    {
        Topics.Regions => FirstPositionAsync(regions.Snapshot(new RegionsGrpc.SnapshotRequest(), cancellationToken: ct), c => c.Position, ct),
        Topics.Institutions => FirstPositionAsync(institutions.Snapshot(new InstitutionsGrpc.SnapshotRequest(), cancellationToken: ct), c => c.Position, ct),
        Topics.Forums => FirstPositionAsync(forums.Snapshot(new ForumsGrpc.SnapshotRequest(), cancellationToken: ct), c => c.Position, ct),
        Topics.Contacts => FirstPositionAsync(contacts.Snapshot(new ContactsGrpc.SnapshotRequest(), cancellationToken: ct), c => c.Position, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a topic this service reads."),
    };

    private static async Task<long> FirstPositionAsync<TChunk>(AsyncServerStreamingCall<TChunk> call, Func<TChunk, long> position, CancellationToken ct)
    {
        using (call)
        {
            return await call.ResponseStream.MoveNext(ct)
                ? position(call.ResponseStream.Current)
                : throw new InvalidOperationException("The snapshot stream sent nothing.");
        }
    }

    private static async IAsyncEnumerable<SnapshotPart> ReadAsync<TChunk>(
        string topic, AsyncServerStreamingCall<TChunk> call, Func<TChunk, (long Position, IEnumerable<string> Items, int? Stale)> read,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using (call)
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync(ct))
            {
                var (position, json, stale) = read(chunk);
                yield return new SnapshotPart(position, [.. json.Select(item => RecordReader.ReadSnapshotItem(topic, item))], stale);
            }
        }
    }
}
