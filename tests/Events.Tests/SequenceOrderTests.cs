using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>
/// The CloudEvents sequence extension compares values as strings: "9" after "10" would put
/// the tenth event before the ninth for any reader that sorts by the attribute.
/// </summary>
public sealed class SequenceOrderTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Sequence_9_sorts_before_sequence_10_as_strings_and_both_still_parse_as_numbers()
    {
        var nine = CloudEventSequence.Format(9);
        var ten = CloudEventSequence.Format(10);

        Assert.True(string.CompareOrdinal(nine, ten) < 0, $"{nine} should sort before {ten}");
        Assert.Equal(CloudEventSequence.Digits, nine.Length);
        Assert.Equal(9, long.Parse(nine, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(10, CloudEventSequence.Parse(ten));
        Assert.Equal(10, CloudEventSequence.Parse("10"));
        Assert.Equal(CloudEventSequence.Digits, CloudEventSequence.Format(long.MaxValue).Length);
    }

    [Fact]
    public async Task The_relay_sends_sequences_whose_string_order_is_their_delivery_order()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync();
        await using var producer = RelayHost.Build(_database.Path, RelayHost.Subscriber("sorter", subscriber.Url));
        foreach (var i in Enumerable.Range(1, 11))
        {
            await producer.Outbox.CommitAsync([], [SampleForum.Updated($"f-{i}")]);
        }

        await producer.StartAsync();
        await Eventually.TrueAsync(() => subscriber.Accepted.Count >= 11, "eleven events are delivered");

        var sent = subscriber.Accepted.Select(d => d.Event.Sequence!).ToList();
        Assert.Equal(sent, sent.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), subscriber.Accepted.Select(d => d.Sequence));
    }
}
