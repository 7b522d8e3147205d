using Samverkan.TestSupport.InProcess;

namespace Samverkan.Institutions.Tests;

/// <summary>The Institutions service hosted in the test process, with the Regions service it asks for region members as a real process.</summary>
public sealed class InstitutionsFixture() : InProcessServiceFixture<Program>("institutions", "regions");
