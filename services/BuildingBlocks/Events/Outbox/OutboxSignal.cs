namespace Samverkan.Events.Outbox;

/// <summary>
/// Pulsed when this process commits events, so the relay delivers at once instead of at the
/// next poll. The relay still polls, which covers events written by another instance.
/// </summary>
public sealed class OutboxSignal : Signal;
