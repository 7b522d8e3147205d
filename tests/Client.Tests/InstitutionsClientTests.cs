using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Samverkan.Client.Institutions;
using Samverkan.Client.Institutions.Models;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Client.Tests;

/// <summary>The Institutions client Kiota generates from institutions.json, driven through the gateway as national staff.</summary>
public sealed class InstitutionsClientTests : IDisposable
{
    private readonly HttpClientRequestAdapter adapter;
    private readonly InstitutionsClient client;

    public InstitutionsClientTests(PlatformFixture platform)
    {
        adapter = GeneratedClients.Adapter(platform, TokenRequest.Admin);
        client = new InstitutionsClient(adapter);
    }

    public void Dispose() => adapter.Dispose();

    private async Task<InstitutionResponse> CreateAsync(string abbreviation = "KH") =>
        (await client.Api.Institutions.PostAsync(new InstitutionInput
        {
            Name = $"Klientens högskola {Guid.NewGuid():N}",
            Abbreviation = abbreviation,
            Kind = InstitutionKind.University,
        }))!;

    /// <summary>Reads the institution and the ETag it came with (Kiota hands response headers out through an option).</summary>
    private async Task<(InstitutionResponse Institution, string ETag)> ReadAsync(string id)
    {
        var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
        var institution = await client.Api.Institutions[id].GetAsync(request => request.Options.Add(headers));
        return (institution!, Assert.Single(headers.ResponseHeaders["ETag"]));
    }

    /// <summary>Sends with the problem body typed for any 4XX, and fails showing it.</summary>
    private async Task<InstitutionResponse?> SendShowingProblemAsync(RequestInformation request)
    {
        try
        {
            return await adapter.SendAsync(request, InstitutionResponse.CreateFromDiscriminatorValue, AnyProblem);
        }
        catch (HttpValidationProblemDetails problem)
        {
            Assert.Fail($"{problem.ResponseStatusCode}: {await KiotaJsonSerializer.SerializeAsStringAsync(problem)}");
            throw;
        }
    }

    private static readonly Dictionary<string, ParsableFactory<IParsable>> AnyProblem = new() { ["4XX"] = HttpValidationProblemDetails.CreateFromDiscriminatorValue };

    [Fact]
    public async Task Listing_gives_a_typed_page_and_a_cursor_to_the_next_one()
    {
        var page = await client.Api.Institutions.GetAsync(request => request.QueryParameters.Limit = 2);

        Assert.NotNull(page);
        Assert.Equal(2, page.Items!.Count);
        Assert.All(page.Items, institution =>
        {
            Assert.False(string.IsNullOrEmpty(institution.Id));
            Assert.False(string.IsNullOrEmpty(institution.Name));
            Assert.Equal(InstitutionStatus.Active, institution.Status);
        });
        Assert.NotNull(page.NextCursor);
        var next = await client.Api.Institutions.GetAsync(request =>
        {
            request.QueryParameters.Limit = 2;
            request.QueryParameters.Cursor = page.NextCursor;
        });
        Assert.Empty(next!.Items!.Select(institution => institution.Id).Intersect(page.Items.Select(institution => institution.Id)));
    }

    [Fact]
    public async Task Creating_answers_the_new_institution_and_reading_it_gives_the_same_with_its_etag()
    {
        var created = await CreateAsync();

        Assert.StartsWith("klientens-hogskola", created.Id);
        Assert.Equal(1, created.Version);
        Assert.Equal(InstitutionKind.University, created.Kind);
        Assert.Equal(InstitutionStatus.Active, created.Status);
        var (read, etag) = await ReadAsync(created.Id!);
        Assert.Equal(created.Name, read.Name);
        Assert.Equal("KH", read.Abbreviation);
        Assert.Equal(created.Name, Assert.Single(read.Names!).Name);
        Assert.Equal("\"1\"", etag);
        var found = await client.Api.Institutions.GetAsync(request => request.QueryParameters.Q = created.Name);
        Assert.Equal(created.Id, Assert.Single(found!.Items!).Id);
    }

    [Fact]
    public async Task An_invalid_create_is_a_typed_validation_problem_naming_the_field()
    {
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            client.Api.Institutions.PostAsync(new InstitutionInput { Name = "", Kind = InstitutionKind.University }));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.Contains("name", problem.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task A_put_of_the_institution_as_read_with_one_field_changed_succeeds()
    {
        var created = await CreateAsync();
        var (read, etag) = await ReadAsync(created.Id!);
        read.Website = "https://klient.example.se";

        // The document types PUT's body as InstitutionInput, so the generated PutAsync takes no
        // InstitutionResponse: the request it builds is sent with what GET returned as its body.
        var request = client.Api.Institutions[read.Id].ToPutRequestInformation(new InstitutionInput(), put => put.Headers.Add("If-Match", etag));
        request.SetContentFromParsable(adapter, "application/json", read);
        var updated = await SendShowingProblemAsync(request);

        Assert.Equal("https://klient.example.se", updated!.Website);
        Assert.Equal(2, updated.Version);
        var (stored, newEtag) = await ReadAsync(read.Id!);
        Assert.Equal("https://klient.example.se", stored.Website);
        Assert.Equal(created.Name, stored.Name);
        Assert.Equal("KH", stored.Abbreviation);
        Assert.Single(stored.Names!);
        Assert.Equal("\"2\"", newEtag);
    }

    [Fact]
    public async Task A_patch_is_sent_as_merge_patch_and_changes_only_the_field_it_names()
    {
        var created = await CreateAsync();
        var headers = new HeadersInspectionHandlerOption { InspectRequestHeaders = true };

        var patched = await client.Api.Institutions[created.Id].PatchAsync(new InstitutionInput { Website = "https://patch.example.se" }, patch =>
        {
            patch.Headers.Add("If-Match", "\"1\"");
            patch.Options.Add(headers);
        });

        Assert.Equal("application/merge-patch+json", Assert.Single(headers.RequestHeaders["Content-Type"]));
        Assert.Equal("https://patch.example.se", patched!.Website);
        Assert.Equal("KH", patched.Abbreviation);
        Assert.Equal(created.Name, patched.Name);
        Assert.Equal(2, patched.Version);
    }

    [Fact]
    public async Task A_write_with_a_stale_if_match_is_a_412_problem_and_changes_nothing()
    {
        var created = await CreateAsync();
        await client.Api.Institutions[created.Id].PatchAsync(new InstitutionInput { Website = "https://first.example.se" });
        var stale = new InstitutionInput { Name = created.Name, Abbreviation = "KH", Kind = InstitutionKind.University, Website = "https://second.example.se" };
        void IfMatchVersionOne(RequestConfiguration<DefaultQueryParameters> put) => put.Headers.Add("If-Match", "\"1\"");

        // The document lists 412 as a problem+json answer, so the generated method throws the problem, typed.
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Institutions[created.Id].PutAsync(stale, IfMatchVersionOne));
        Assert.Equal(412, problem.ResponseStatusCode);
        Assert.Equal(412, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.False(string.IsNullOrEmpty(problem.Type));

        var (stored, etag) = await ReadAsync(created.Id!);
        Assert.Equal("https://first.example.se", stored.Website);
        Assert.Equal("\"2\"", etag);
    }
}
