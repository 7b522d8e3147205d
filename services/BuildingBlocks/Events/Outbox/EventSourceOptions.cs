namespace Samverkan.Events.Outbox;

/// <summary>Who produces the events: the CloudEvents <c>source</c> and the service's one topic.</summary>
public sealed record EventSourceOptions(string Source, string Topic);
