namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>Each document the gateway serves equals its committed snapshot (see <see cref="Snapshot"/>).</summary>
[Collection(OpenApiCollection.Name)]
public sealed class DocumentSnapshotTests(OpenApiPlatform platform)
{
    public static TheoryData<string> Documents => new(OpenApiPlatform.DocumentNames);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_served_document_equals_its_committed_snapshot(string name)
    {
        var live = Snapshot.Normalise(await platform.DocumentAsync(name));
        var file = Path.Combine(Snapshot.Folder(), $"{name}.json");
        if (Snapshot.Updating)
        {
            await File.WriteAllTextAsync(file, live);
            return;
        }
        Assert.True(File.Exists(file), $"No snapshot {file}: run the test with UPDATE_SNAPSHOTS=1 and commit the file.");
        var diff = Snapshot.Diff(await File.ReadAllTextAsync(file), live);
        Assert.True(diff is null,
            $"The {name} document differs from {file} ('-' committed, '+' served). If the change is meant, rerun with UPDATE_SNAPSHOTS=1 and commit the snapshot.\n{diff}");
    }
}
