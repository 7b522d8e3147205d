using Samverkan.TestSupport;

namespace Samverkan.Regions.Tests;

/// <summary>The Regions service as a real process; it calls no other service.</summary>
public sealed class RegionsFixture() : ServiceFixture("regions");
