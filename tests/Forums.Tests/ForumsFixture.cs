using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>The Forums service as a real process, with the two services it asks over gRPC.</summary>
public sealed class ForumsFixture() : ServiceFixture("forums", "institutions", "regions");
