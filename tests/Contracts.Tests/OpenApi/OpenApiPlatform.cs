using System.Text.Json.Nodes;
using Samverkan.TestSupport;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// The whole platform, started once for the OpenAPI tests: the documents are read where a
/// partner reads them (the gateway's <c>/openapi/{name}.json</c>), and live answers come from the
/// same processes, so a document and the code it describes are checked together.
/// </summary>
public sealed class OpenApiPlatform : PlatformFixture
{
    /// <summary>Every document the gateway serves: one per service and the gateway's own.</summary>
    public static readonly string[] DocumentNames = ["regions", "institutions", "forums", "contacts", "subscriptions", "coverage", "gateway"];

    private readonly Dictionary<string, JsonObject> documents = [];

    /// <summary>The live document as the gateway serves it, read once per run.</summary>
    public async Task<JsonObject> DocumentAsync(string name)
    {
        if (documents.TryGetValue(name, out var cached))
        {
            return cached;
        }
        using var response = await AnonymousGateway.GetAsync($"/openapi/{name}.json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/openapi/{name}.json answered {(int)response.StatusCode}: {text}");
        var document = JsonNode.Parse(text)!.AsObject();
        lock (documents)
        {
            documents[name] = document;
        }
        return document;
    }
}

[CollectionDefinition(Name)]
public sealed class OpenApiCollection : ICollectionFixture<OpenApiPlatform>
{
    public const string Name = "OpenAPI platform";
}
