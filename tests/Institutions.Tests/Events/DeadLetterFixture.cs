using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests.Events;

/// <summary>Institutions and Regions as real processes, with a <see cref="RefusingSubscriber"/> as one more destination of Institutions' events.</summary>
public sealed class DeadLetterFixture() : ServiceFixture("institutions", "regions")
{
    private RefusingSubscriber? _subscriber;

    public RefusingSubscriber Subscriber => _subscriber ?? throw new InvalidOperationException("The subscriber is not started.");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Events__Subscribers__refuser"] = Subscriber.Url.ToString(),
        ["Events__Relay__FirstRetryDelay"] = "00:00:00.050",
    };

    public override async ValueTask InitializeAsync()
    {
        _subscriber = await RefusingSubscriber.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_subscriber is not null)
        {
            await _subscriber.DisposeAsync();
        }
    }
}
