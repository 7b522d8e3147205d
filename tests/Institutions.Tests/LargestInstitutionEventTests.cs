using System.Net;
using Samverkan.Events;
using Samverkan.Institutions.Events;
using Samverkan.Institutions.Model;
using Samverkan.TestSupport;
using static Samverkan.Institutions.Model.InstitutionBounds;

namespace Samverkan.Institutions.Tests;

/// <summary>
/// An institution grown through the real service to the most history <see cref="InstitutionBounds"/>
/// allow (every name and lifecycle entry used, every text at its longest in the characters JSON
/// escapes worst) refuses to grow further, and its event stays far under the event limit.
/// </summary>
public sealed class LargestInstitutionEventTests(InstitutionsFixture fixture) : IClassFixture<InstitutionsFixture>
{
    private const int OneMiB = 1024 * 1024;
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Repeated_changes_stop_at_the_bounds_and_the_largest_institution_event_stays_under_a_quarter_of_the_event_limit()
    {
        var text = await EventSize.WorstTextAsync();
        // The longest ids the registry hands out: the same long name again and again gets a suffix.
        var related = new List<string>();
        for (var i = 0; i < MaxRelatedInstitutions; i++)
        {
            related.Add(await CreateAsync(new string('x', NameLength), null));
        }
        var id = await CreateAsync(Name(text, 0), text(AbbreviationLength));
        var otherNames = Enumerable.Range(0, MaxOtherNames).Select(i => $"{i:D2}{text(NameLength - 2)}").ToList();
        for (var rename = 1; rename < MaxNames; rename++)
        {
            await SucceedsAsync(HttpMethod.Put, $"/api/institutions/{id}", new { name = Name(text, rename), abbreviation = text(AbbreviationLength), kind = "other", website = Website, otherNames });
        }
        var plannedMerger = new { dropped = true, on = new DateOnly(2100, 12, 31), note = text(NoteLength), relatedInstitutionIds = related, plannedName = text(NameLength) };
        for (var entries = MaxNames - 1; entries < MaxLifecycleEntries; entries++)
        {
            await SucceedsAsync(HttpMethod.Post, $"/api/institutions/{id}/planned-mergers", plannedMerger);
        }
        var full = await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{id}");
        Assert.Equal(MaxNames, full.Names.Count);
        Assert.Equal(MaxLifecycleEntries, full.Lifecycle.Count);
        Assert.Equal(MaxOtherNames, full.OtherNames.Count);

        await RefusedAsync(HttpMethod.Post, $"/api/institutions/{id}/planned-mergers", plannedMerger, "lifecycle");
        await RefusedAsync(HttpMethod.Put, $"/api/institutions/{id}", new { name = Name(text, MaxNames), kind = "other" }, "names", "lifecycle");
        await RefusedAsync(HttpMethod.Post, $"/api/institutions/{id}/merge", new { successorId = related[0] }, "lifecycle");
        await RefusedAsync(HttpMethod.Delete, $"/api/institutions/{id}", null, "lifecycle");
        Assert.Equal(full, await _client.GetJsonAsync<InstitutionResponse>($"/api/institutions/{id}"), new ResponseComparer());

        var institution = new Institution(full.Id, full.Kind, full.Names, full.Status, full.SuccessorId, full.Lifecycle, full.Website, full.OtherNames);
        var bytes = await EventSize.OutboxBytesAsync(InstitutionEvents.Announce(InstitutionEvents.Updated, institution, full.Version));
        Assert.True(bytes < OneMiB, $"The largest institution's event has {bytes} bytes.");
        Assert.True(bytes < EventLimits.MaxEventBytes);
    }

    [Fact]
    public async Task A_planned_merger_naming_more_institutions_than_allowed_or_a_null_one_is_refused_naming_the_field()
    {
        var id = await CreateAsync($"Sammanslagen {Guid.NewGuid():N}", null);

        await RefusedAsync(HttpMethod.Post, $"/api/institutions/{id}/planned-mergers",
            new { note = "Too many", relatedInstitutionIds = Enumerable.Repeat("umea-universitet", MaxRelatedInstitutions + 1) }, "relatedInstitutionIds");
        await RefusedAsync(HttpMethod.Post, $"/api/institutions/{id}/planned-mergers",
            new { note = "A null", relatedInstitutionIds = new[] { "umea-universitet", null } }, "relatedInstitutionIds[1]");
    }

    private const string Website = "https://example.se/";

    private static string Name(Func<int, string> text, int number) => $"{number:D3}{text(NameLength - 3)}";

    private async Task<string> CreateAsync(string name, string? abbreviation)
    {
        using var response = await _client.PostJsonAsync("/api/institutions", new { name, abbreviation, kind = "other", website = Website });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<InstitutionResponse>()).Id;
    }

    private async Task SucceedsAsync(HttpMethod method, string path, object body)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(method, path) { Content = Json(body) });
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task RefusedAsync(HttpMethod method, string path, object? body, params string[] fields)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) });
        await ProblemAssert.NamesFieldsAsync(response, fields);
    }

    private static HttpContent Json(object body) => System.Net.Http.Json.JsonContent.Create(body, options: JsonHttp.Options);

    /// <summary>Records holding lists compare by reference: compare what the API answered, as JSON.</summary>
    private sealed class ResponseComparer : IEqualityComparer<InstitutionResponse>
    {
        public bool Equals(InstitutionResponse? x, InstitutionResponse? y) =>
            System.Text.Json.JsonSerializer.Serialize(x, JsonHttp.Options) == System.Text.Json.JsonSerializer.Serialize(y, JsonHttp.Options);

        public int GetHashCode(InstitutionResponse obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
