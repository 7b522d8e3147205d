namespace Samverkan.Writes;

/// <summary>
/// The audit actions every resource shares. A resource names its own beside these ("retired",
/// "verified"); an event type is <c>samverkan.&lt;kind&gt;.&lt;action&gt;.v1</c> where one exists.
/// </summary>
public static class WriteActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
