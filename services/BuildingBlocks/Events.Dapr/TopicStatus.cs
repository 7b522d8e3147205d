namespace Samverkan.Events.Dapr;

/// <summary>
/// The body a topic route answers, in Dapr's words: <c>SUCCESS</c> (taken), <c>RETRY</c>,
/// <c>DROP</c>. Only SUCCESS is sent: a failure is an error status, which Dapr retries.
/// </summary>
public sealed record TopicStatus(string Status)
{
    public static readonly TopicStatus Taken = new("SUCCESS");
}
