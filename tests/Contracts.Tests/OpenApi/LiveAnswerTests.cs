using System.Text.Json.Nodes;
using Samverkan.Local;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// Real requests through the running platform, each answer validated against the schema its
/// document gives for that operation and status (<see cref="LiveAnswers"/>). Each test also
/// asserts the statuses it drove, so a scenario that silently stopped happening fails too.
/// </summary>
[Collection(OpenApiCollection.Name)]
public sealed class LiveAnswerTests(OpenApiPlatform platform)
{
    [Fact]
    public async Task Lists_reads_and_unknown_ids_of_every_service_answer_as_documented()
    {
        var live = await LiveRequests.StartAsync(platform);
        string[] lists = ["/api/regions", "/api/institutions?limit=3", "/api/forums?limit=3", "/api/contacts?limit=3"];
        foreach (var list in lists)
        {
            var page = await live.GetAsync(list);
            Assert.Equal(200, page.Status);
            var first = page.Body?["items"]?.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
            if (first is not null)
            {
                Assert.Equal(200, (await live.GetAsync($"{list.Split('?')[0]}/{first}")).Status);
            }
        }
        // Anonymous readers get contacts without personal data: a second shape of the same schema.
        Assert.Equal(200, (await live.GetAsync("/api/contacts?limit=3", platform.AnonymousGateway)).Status);
        Assert.Equal(404, (await live.GetAsync("/api/institutions/no-such-institution")).Status);
        Assert.Equal(400, (await live.GetAsync("/api/institutions?limit=0")).Status);
        live.AssertAllMatched();
    }

    [Theory]
    [InlineData("institutions", "/api/institutions", "name")]
    [InlineData("forums", "/api/forums", "name")]
    [InlineData("contacts", "/api/contacts", "function")]
    public async Task Create_read_replace_and_stale_replace_answer_as_documented(string document, string collection, string nameField)
    {
        var live = await LiveRequests.StartAsync(platform);
        var name = LiveRequests.Unique("Kontrakt");
        var created = await live.CreateAsync(document, collection, example => example[nameField] = name);
        var id = created.Body!["id"]!.GetValue<string>();
        var read = await live.GetAsync($"{collection}/{id}");
        Assert.Equal(200, read.Status);
        var replacement = (await live.ExampleAsync(document, $"{collection}/{{id}}", "put")).AsObject();
        replacement[nameField] = LiveRequests.Unique("Kontrakt");
        var replaced = await live.SendAsync(HttpMethod.Put, $"{collection}/{id}", replacement.ToJsonString(), read.ETag);
        Assert.Equal(200, replaced.Status);
        Assert.Equal(412, (await live.SendAsync(HttpMethod.Put, $"{collection}/{id}", replacement.ToJsonString(), read.ETag)).Status);
        Assert.Equal(404, (await live.SendAsync(HttpMethod.Put, $"{collection}/no-such-{document}", replacement.ToJsonString())).Status);
        Assert.Equal(400, (await live.SendAsync(HttpMethod.Post, collection, "{}")).Status);
        Assert.Equal(400, (await live.SendAsync(HttpMethod.Post, collection, new JsonObject { ["noSuchField"] = 1 }.ToJsonString())).Status);
        Assert.Equal(401, (await live.SendAsync(HttpMethod.Post, collection, replacement.ToJsonString(), client: platform.AnonymousGateway)).Status);
        live.AssertAllMatched();
    }

    [Theory]
    [InlineData("institutions", "/api/institutions", "name")]
    [InlineData("forums", "/api/forums", "name")]
    [InlineData("contacts", "/api/contacts", "function")]
    public async Task Merge_patches_and_revalidation_answer_as_documented(string document, string collection, string nameField)
    {
        var live = await LiveRequests.StartAsync(platform);
        var created = await live.CreateAsync(document, collection, example => example[nameField] = LiveRequests.Unique("Kontrakt"));
        var resource = $"{collection}/{created.Body!["id"]!.GetValue<string>()}";
        Assert.Equal(304, (await live.RevalidateAsync(resource, created.ETag)).Status);
        var patch = new JsonObject { [nameField] = LiveRequests.Unique("Kontrakt") }.ToJsonString();

        var patched = await live.SendAsync(HttpMethod.Patch, resource, patch, created.ETag, mediaType: "application/merge-patch+json");

        Assert.Equal(200, patched.Status);
        Assert.Equal(200, (await live.RevalidateAsync(resource, created.ETag)).Status);
        Assert.Equal(412, (await live.SendAsync(HttpMethod.Patch, resource, patch, created.ETag, mediaType: "application/merge-patch+json")).Status);
        Assert.Equal(415, (await live.SendAsync(HttpMethod.Patch, resource, patch, patched.ETag)).Status);
        Assert.Equal(400, (await live.SendAsync(HttpMethod.Patch, resource, "[1]", patched.ETag, mediaType: "application/merge-patch+json")).Status);
        Assert.Equal(204, (await live.SendAsync(HttpMethod.Delete, resource, null, patched.ETag)).Status);
        live.AssertAllMatched();
    }

    [Fact]
    public async Task Subscriptions_and_the_change_feed_answer_as_documented()
    {
        var live = await LiveRequests.StartAsync(platform);
        // The launcher allows private webhook targets; nothing listens on port 9, so pings fail.
        var created = await live.CreateAsync("subscriptions", "/api/subscriptions", example => example["url"] = "http://127.0.0.1:9/hook");
        var resource = $"/api/subscriptions/{created.Body!["id"]!.GetValue<string>()}";
        Assert.Equal(200, (await live.GetAsync(resource)).Status);
        Assert.Equal(304, (await live.RevalidateAsync(resource, created.ETag)).Status);
        Assert.Equal(200, (await live.GetAsync("/api/subscriptions")).Status);
        var patch = await live.ExampleAsync("subscriptions", "/api/subscriptions/{id}", "patch");
        var patched = await live.SendAsync(HttpMethod.Patch, resource, patch.ToJsonString(), created.ETag);
        Assert.Equal(200, patched.Status);
        Assert.Equal(412, (await live.SendAsync(HttpMethod.Patch, resource, patch.ToJsonString(), created.ETag)).Status);
        var rotate = await live.ExampleAsync("subscriptions", "/api/subscriptions/{id}/secret/rotate", "post");
        var rotated = await live.SendAsync(HttpMethod.Post, $"{resource}/secret/rotate", rotate.ToJsonString(), patched.ETag);
        Assert.Equal(200, rotated.Status);
        Assert.Equal(200, (await live.SendAsync(HttpMethod.Post, $"{resource}/ping", null)).Status);
        Assert.Equal(404, (await live.SendAsync(HttpMethod.Post, "/api/subscriptions/no-such-subscription/ping", null)).Status);
        Assert.Equal(200, (await live.GetAsync($"{resource}/deliveries")).Status);
        Assert.Equal(404, (await live.GetAsync("/api/subscriptions/no-such-subscription/deliveries")).Status);
        Assert.Equal(204, (await live.SendAsync(HttpMethod.Delete, resource, null)).Status);
        Assert.Equal(404, (await live.GetAsync(resource)).Status);
        Assert.Equal(200, (await live.GetAsync("/api/changes?limit=5")).Status);
        Assert.Equal(400, (await live.GetAsync("/api/changes?after=not-a-position")).Status);
        Assert.Equal(400, (await live.GetAsync("/api/changes/stream?after=not-a-position")).Status);
        live.AssertAllMatched();
    }

    [Fact]
    public async Task Api_keys_answer_as_documented()
    {
        var live = await LiveRequests.StartAsync(platform);
        var created = await live.CreateAsync("subscriptions", "/api/api-keys", example => example["partner"] = "partner-kontrakt");
        var resource = $"/api/api-keys/{created.Body!["id"]!.GetValue<string>()}";
        Assert.Equal(200, (await live.GetAsync(resource)).Status);
        Assert.Equal(304, (await live.RevalidateAsync(resource, created.ETag)).Status);
        Assert.Equal(200, (await live.GetAsync("/api/api-keys")).Status);
        Assert.Equal(403, (await live.GetAsync("/api/api-keys", platform.GatewayAs(TokenRequest.PartnerSystem("partner-kontrakt")))).Status);
        Assert.Equal(204, (await live.SendAsync(HttpMethod.Delete, resource, null)).Status);
        Assert.Equal(404, (await live.SendAsync(HttpMethod.Delete, "/api/api-keys/no-such-key", null)).Status);
        live.AssertAllMatched();
    }

    [Fact]
    public async Task The_gateway_s_own_endpoints_answer_as_its_document_says()
    {
        var live = await LiveRequests.StartAsync(platform);
        // 503 when a service's probe timed out on a loaded machine: both are documented, and the
        // body is checked against the document either way.
        Assert.Contains((await live.GetAsync("/health")).Status, new[] { 200, 503 });
        Assert.Equal(200, (await live.GetAsync("/api/audit?limit=5")).Status);
        Assert.Equal(400, (await live.GetAsync("/api/audit?limit=0")).Status);
        Assert.Equal(401, (await live.GetAsync("/api/audit", platform.AnonymousGateway)).Status);
        live.AssertAllMatched();
    }
}
