using Samverkan.Events;

namespace Samverkan.Subscriptions.Feed;

/// <summary>Pulsed after every append to the change feed.</summary>
public sealed class FeedSignal : Signal;
