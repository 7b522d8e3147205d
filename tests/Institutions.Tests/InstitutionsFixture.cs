using Samverkan.TestSupport;

namespace Samverkan.Institutions.Tests;

/// <summary>The Institutions service as a real process, with the Regions service it asks for region members.</summary>
public sealed class InstitutionsFixture() : ServiceFixture("institutions", "regions");
