using System.Text;
using System.Text.Json;
using Samverkan.Events.Snapshots;

namespace Samverkan.Events.Tests;

/// <summary>
/// A snapshot's messages stay below gRPC's 4 MB default for a received message however large
/// the resources grow: at 1,000 times the seed the six regions were 8 MB in one message and the
/// Regions snapshot was refused on every attempt.
/// </summary>
public sealed class SnapshotChunkTests
{
    [Fact]
    public async Task Small_resources_go_a_chunk_size_at_a_time()
    {
        var chunks = await ChunksOf(Enumerable.Range(0, 1_201).Select(i => new Item($"r-{i}", "x")));

        Assert.Equal([EventSnapshot.ChunkSize, EventSnapshot.ChunkSize, 201], chunks.Select(chunk => chunk.Count));
    }

    [Fact]
    public async Task Large_resources_are_split_by_their_bytes_and_none_is_lost_or_repeated()
    {
        // Six regions of 1.4 MB each (about 8,500 members apiece, 1,000 times the seed), with å and ö counted as two bytes.
        var members = new string('ö', 700_000);
        var items = Enumerable.Range(0, 6).Select(i => new Item($"region-{i}", members)).ToList();

        var chunks = await ChunksOf(items);

        Assert.All(chunks, chunk => Assert.True(
            chunk.Count == 1 || chunk.Sum(Encoding.UTF8.GetByteCount) <= EventSnapshot.ChunkBytes,
            $"A message of {chunk.Count} resources holds {chunk.Sum(Encoding.UTF8.GetByteCount)} bytes"));
        Assert.Equal(items.Select(item => item.Id), chunks.SelectMany(chunk => chunk).Select(json => JsonDocument.Parse(json).RootElement.GetProperty("Id").GetString()));
    }

    [Fact]
    public async Task Resources_of_mixed_sizes_fill_a_message_up_to_its_byte_budget()
    {
        var items = Enumerable.Range(0, 40).Select(i => new Item($"r-{i}", new string('a', 100_000))).ToList();

        var chunks = await ChunksOf(items);

        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(10, chunk.Count));
        Assert.Equal(40, chunks.Sum(chunk => chunk.Count));
    }

    private sealed record Item(string Id, string Text);

    private static async Task<List<IReadOnlyList<string>>> ChunksOf(IEnumerable<Item> items) =>
        await EventSnapshot.ChunksAsync(items.ToAsyncEnumerable(), item => item, JsonSerializerOptions.Default).ToListAsync();
}
