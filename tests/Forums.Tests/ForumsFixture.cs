using Samverkan.TestSupport.InProcess;

namespace Samverkan.Forums.Tests;

/// <summary>The Forums service hosted in the test process, with the two services it asks over gRPC as real processes.</summary>
public sealed class ForumsFixture() : InProcessServiceFixture<Program>("forums", "institutions", "regions");
