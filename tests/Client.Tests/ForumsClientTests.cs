using Microsoft.Kiota.Http.HttpClientLibrary;
using Samverkan.Client.Forums;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Client.Tests;

/// <summary>The Forums client Kiota generates from forums.json, in its own namespace beside the Institutions one.</summary>
public sealed class ForumsClientTests : IDisposable
{
    private readonly HttpClientRequestAdapter adapter;
    private readonly ForumsClient client;

    public ForumsClientTests(PlatformFixture platform)
    {
        adapter = GeneratedClients.Adapter(platform, TokenRequest.Admin);
        client = new ForumsClient(adapter);
    }

    public void Dispose() => adapter.Dispose();

    [Fact]
    public async Task A_listed_forum_reads_back_with_its_participants_typed()
    {
        var page = await client.Api.Forums.GetAsync(request => request.QueryParameters.Limit = 5);
        var listed = page!.Items!.First(forum => forum.Participants is { Count: > 0 });

        var read = await client.Api.Forums[listed.Id].GetAsync();

        Assert.Equal(listed.Name, read!.Name);
        Assert.Equal(listed.Version, read.Version);
        Assert.Equal(listed.Participants!.Select(participant => participant.InstitutionId), read.Participants!.Select(participant => participant.InstitutionId));
        Assert.All(read.Participants!, participant => Assert.False(string.IsNullOrEmpty(participant.InstitutionName)));
    }
}
