using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.ServiceDefaults.Versioning;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// The building blocks' transformers on endpoints of the test's own, so each rule is checked
/// apart from which route tables carry which marks today.
/// </summary>
public sealed class TransformerTests
{
    private static readonly Lazy<Task<JsonObject>> Document = new(DescribeAsync);

    public sealed record Thing(string Id, long Version);

    [Fact]
    public async Task A_versioned_read_documents_its_etag_if_none_match_304_and_404()
    {
        var read = (await Document.Value)["paths"]!["/things/{id}"]!["get"]!;
        Assert.NotNull(read["responses"]!["200"]!["headers"]?["ETag"]);
        Assert.Contains(read["parameters"]!.AsArray(), parameter => (string?)parameter!["name"] == "If-None-Match" && (string?)parameter["in"] == "header");
        Assert.NotNull(read["responses"]!["304"]);
        Assert.NotNull(read["responses"]!["404"]!["content"]!["application/problem+json"]);
        Assert.Null(read["responses"]!["412"]);
    }

    [Fact]
    public async Task A_versioned_write_documents_if_match_404_409_412_and_the_new_etag()
    {
        var write = (await Document.Value)["paths"]!["/things/{id}"]!["put"]!;
        Assert.Contains(write["parameters"]!.AsArray(), parameter => (string?)parameter!["name"] == "If-Match");
        foreach (var status in new[] { "404", "409", "412", "413", "415" })
        {
            Assert.NotNull(write["responses"]![status]?["content"]?["application/problem+json"]);
        }
        Assert.NotNull(write["responses"]!["200"]!["headers"]?["ETag"]);
        Assert.Null(write["responses"]!["304"]);
    }

    [Fact]
    public async Task An_unmarked_read_documents_no_version_headers_and_no_body_statuses()
    {
        var plain = (await Document.Value)["paths"]!["/plain"]!["get"]!;
        Assert.Null(plain["responses"]!["200"]!["headers"]?["ETag"]);
        Assert.Null(plain["parameters"]);
        Assert.Null(plain["responses"]!["413"]);
        Assert.Null(plain["responses"]!["403"]);
        Assert.NotNull(plain["responses"]!["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(plain["responses"]!["503"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task An_admin_write_takes_a_bearer_token_a_partner_write_also_a_key_and_an_anonymous_read_either_optionally()
    {
        var paths = (await Document.Value)["paths"]!;
        Assert.Equal("""[{"bearer":[]}]""", paths["/things/{id}"]!["put"]!["security"]!.ToJsonString());
        Assert.Equal("""[{"bearer":[]},{"apiKey":[]}]""", paths["/partner-things"]!["post"]!["security"]!.ToJsonString());
        Assert.Equal("""[{},{"bearer":[]},{"apiKey":[]}]""", paths["/plain"]!["get"]!["security"]!.ToJsonString());
        var schemes = (await Document.Value)["components"]!["securitySchemes"]!;
        Assert.Equal("X-Api-Key", (string?)schemes["apiKey"]!["name"]);
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
    }

    [Fact]
    public async Task A_registered_example_is_written_on_the_body_in_the_api_s_json()
    {
        var body = (await Document.Value)["paths"]!["/partner-things"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        Assert.Equal("""{"id":"example","version":3}""", body["example"]!.ToJsonString());
    }

    private static async Task<JsonObject> DescribeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthorization();
        builder.Services.AddOpenApi(options => options.AddSamverkanTransformers());
        builder.Services.AddRequestExamples(examples => examples.Add(new Thing("example", 3)));
        var app = builder.Build();
        app.MapGet("/things/{id}", (string id) => TypedResults.Ok(new Thing(id, 1))).ReadsVersioned();
        app.MapPut("/things/{id}", (string id, Thing thing) => TypedResults.Ok(thing)).WritesVersioned().RequireAuthorization(Policies.RegistryAdmin);
        app.MapPost("/partner-things", (Thing thing) => TypedResults.Ok(thing)).RequireAuthorization(Policies.PartnerOrAdmin);
        app.MapGet("/plain", () => TypedResults.Ok(new Thing("plain", 1)));
        app.MapOpenApi();
        await app.StartAsync();
        try
        {
            return JsonNode.Parse(await app.GetTestClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
