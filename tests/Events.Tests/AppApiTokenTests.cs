using System.Net;
using System.Text;
using Samverkan.Events.Subscribing;
using Samverkan.Events.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Events.Tests;

/// <summary>With an app API token configured, a topic route takes deliveries from the relay (which sends it) and from no one else.</summary>
public sealed class AppApiTokenTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task The_relay_sends_the_token_and_the_subscriber_takes_the_event()
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(appApiToken: "platform-token");
        await using var producer = await RelayHost.StartAsync(_database.Path,
            RelayHost.Subscriber("guarded", subscriber.Url), RelayHost.Setting(AppApiToken.ConfigurationKey, "platform-token"));

        await producer.Outbox.CommitAsync([], [SampleForum.Updated("f-1")]);

        await Eventually.TrueAsync(() => subscriber.Accepted.Count == 1, "the event is delivered");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("someone-elses-token")]
    public async Task A_delivery_without_the_token_is_refused_before_the_handler(string? token)
    {
        await using var subscriber = await TestSubscriberApp.StartAsync(appApiToken: "platform-token");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(subscriber.Url, $"/events/{RelayHost.Topic}"))
        {
            Content = new StringContent(
                """{"specversion":"1.0","id":"forged","source":"elsewhere","type":"samverkan.forum.updated.v1","data":{}}""",
                Encoding.UTF8, CloudEvent.MediaType),
        };
        if (token is not null)
        {
            request.Headers.Add(AppApiToken.Header, token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, subscriber.Attempts);
    }
}
