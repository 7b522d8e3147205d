using Samverkan.Platform.Tests;
using Samverkan.TestSupport;

// One platform for every class that takes a PlatformFixture, and one hardened platform for the
// classes that take a HardenedGatewayFixture: their tests run in parallel on it, so they own
// their data (unique names, filters on what they wrote, limits per fresh client) and leave every
// service running. Classes that stop a service or read every process's output take
// OwnPlatformFixture (see OwnPlatform.cs).
[assembly: AssemblyFixture(typeof(PlatformFixture))]
[assembly: AssemblyFixture(typeof(HardenedGatewayFixture))]
