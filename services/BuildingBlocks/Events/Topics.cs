namespace Samverkan.Events;

/// <summary>The pub/sub component and topic names: one topic per producing service.</summary>
public static class Topics
{
    public const string PubSubName = "pubsub";
    public const string Regions = "regions";
    public const string Institutions = "institutions";
    public const string Forums = "forums";
    public const string Contacts = "contacts";

    public static IReadOnlyList<string> All { get; } = [Regions, Institutions, Forums, Contacts];

    /// <summary>Where a subscriber's undeliverable events go (Dapr's dead-letter topic).</summary>
    public static string DeadLetter(string topic) => $"{topic}-deadletter";
}
