extern alias RegionsService;
using Samverkan.TestSupport.InProcess;

namespace Samverkan.Regions.Tests;

/// <summary>The Regions service hosted in the test process; it calls no other service.</summary>
public sealed class RegionsFixture() : InProcessServiceFixture<RegionsService::Program>("regions");
