using Samverkan.TestSupport;

// One platform for every class that takes a PlatformFixture: their tests run in parallel on it,
// so they own their data (unique names, filters on what they wrote) and leave every service
// running. Classes that stop a service or read every process's output take OwnPlatformFixture
// (see OwnPlatform.cs).
[assembly: AssemblyFixture(typeof(PlatformFixture))]
