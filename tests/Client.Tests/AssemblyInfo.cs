using Samverkan.TestSupport;

// One platform for every class: the tests run in parallel on it and own their data (unique names).
[assembly: AssemblyFixture(typeof(PlatformFixture))]
