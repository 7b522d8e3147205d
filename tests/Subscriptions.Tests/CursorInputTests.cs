using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>Cursors in request bodies that no decoder can read as text: a problem naming the field, and nothing stored changes.</summary>
[Collection(WebhookCollection.Name)]
public class CursorInputTests(WebhookFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>JSON string values as raw UTF-8 bytes: lone surrogates (escaped) and bytes that are not UTF-8.</summary>
    public static TheoryData<string, byte[]> UnreadableStrings => new()
    {
        { "escaped lone high surrogate", Encoding.ASCII.GetBytes("\"\\ud800\"") },
        { "escaped lone low surrogate", Encoding.ASCII.GetBytes("\"1\\udc00\"") },
        { "surrogates in the wrong order", Encoding.ASCII.GetBytes("\"\\udc00\\ud800\"") },
        { "a byte that is never UTF-8", [(byte)'"', 0xFF, (byte)'"'] },
        { "a truncated sequence", [(byte)'"', (byte)'1', 0xC3, (byte)'"'] },
        { "an encoded surrogate (CESU-8)", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'] },
        { "an overlong encoding of '1'", [(byte)'"', 0xC0, 0xB1, (byte)'"'] },
    };

    [Theory]
    [MemberData(nameof(UnreadableStrings))]
    public async Task An_unreadable_start_after_is_a_problem_naming_it_and_creates_nothing(string why, byte[] value)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var before = await _client.GetAllAsync<JsonElement>("/api/subscriptions");

        using var response = await PostRawAsync("/api/subscriptions", $"{{\"url\":\"{receiver.Url}\",\"startAfter\":", value);

        await ProblemAssert.NamesFieldsAsync(response, "startAfter");
        Assert.True(before.Count == (await _client.GetAllAsync<JsonElement>("/api/subscriptions")).Count, why);
    }

    [Theory]
    [MemberData(nameof(UnreadableStrings))]
    public async Task An_unreadable_replay_after_is_a_problem_naming_it_and_moves_nothing(string why, byte[] value)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (id, _) = await _client.SubscribeAsync(receiver);
        var before = await _client.GetSubscriptionAsync(id);

        using var response = await PostRawAsync($"/api/subscriptions/{id}/replay", "{\"after\":", value);

        await ProblemAssert.NamesFieldsAsync(response, "after");
        var after = await _client.GetSubscriptionAsync(id);
        Assert.True(before.GetProperty("delivery").GetProperty("position").GetInt64() == after.GetProperty("delivery").GetProperty("position").GetInt64(), why);
    }

    [Theory]
    [InlineData("/api/changes?after=%FF", "after")]
    [InlineData("/api/changes?after=%ED%A0%80", "after")]
    [InlineData("/api/changes/stream?after=%ED%A0%80", "after")]
    [InlineData("/api/subscriptions?cursor=_w", "cursor")] // the bytes FF: never UTF-8
    [InlineData("/api/subscriptions?cursor=7aCA", "cursor")] // ED A0 80: an encoded surrogate
    [InlineData("/api/subscriptions/sub_x/deliveries?cursor=wLE", "cursor")] // C0 B1: an overlong '1'
    [InlineData("/api/api-keys?cursor=_w", "cursor")]
    public async Task A_cursor_in_a_query_that_is_not_text_is_a_problem_naming_it(string path, string field)
    {
        using var response = await _client.GetAsync(path);

        await ProblemAssert.NamesFieldsAsync(response, field);
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string prefix, byte[] value)
    {
        var body = Encoding.UTF8.GetBytes(prefix).Concat(value).Append((byte)'}').ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.PostAsync(path, content);
    }
}
