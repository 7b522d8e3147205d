using Samverkan.Subscriptions.Feed;

namespace Samverkan.Subscriptions.Extensions;

public static class FeedServiceExtensions
{
    /// <summary>The change feed: what the topic routes append to and the feed endpoints read.</summary>
    public static IHostApplicationBuilder AddChangeFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeedSignal>();
        builder.Services.AddSingleton<FeedTelemetry>();
        builder.Services.AddSingleton<ChangeFeed>();
        return builder;
    }
}
