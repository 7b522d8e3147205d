using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>
/// A whole platform apart from the shared one, for tests that would disturb or be disturbed by
/// parallel tests: one stops a service, another reads what every process logged (the launcher
/// keeps only each process's recent lines, which other tests' traffic would push out). The
/// classes of <see cref="OwnPlatform"/> run one after another on it.
/// </summary>
public sealed class OwnPlatformFixture : PlatformFixture;

[CollectionDefinition(Name)]
public sealed class OwnPlatform : ICollectionFixture<OwnPlatformFixture>
{
    public const string Name = "Own platform";
}
