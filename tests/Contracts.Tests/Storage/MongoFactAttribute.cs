namespace Samverkan.Contracts.Tests.Storage;

/// <summary>
/// A fact that needs a MongoDB replica set at <c>MONGODB_URI</c>: no MongoDB server can be
/// installed on the build machines, so without one the test reports itself skipped, with the reason.
/// </summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public const string UriVariable = "MONGODB_URI";

    public MongoFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UriVariable)))
        {
            Skip = "MONGODB_URI is not set: the MongoDB adapter's contract tests need a MongoDB replica set";
        }
    }
}
