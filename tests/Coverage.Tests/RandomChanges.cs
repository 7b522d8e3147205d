using System.Net;
using System.Text.Json.Nodes;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>
/// Random writes through the producers' APIs, of every kind the read model follows: forums
/// created, with participants changed, meetings recorded, deleted; institutions renamed, merged,
/// retired; contact points created, verified, erased. A write the producer refuses (a rule of
/// its own, e.g. a merge into a retired institution) is simply not made: the model must follow
/// whatever the producers hold.
/// </summary>
internal sealed class RandomChanges(Func<string, HttpClient> clientFor, Random random)
{
    private static readonly string[] Regions = ["stockholm", "sydostra", "sodra", "vastra", "uppsala-orebro", "norra"];
    private readonly List<string> _forums = [];
    private readonly List<string> _contacts = [];
    private List<string>? _institutions;

    public async Task MakeAsync(int count)
    {
        _institutions ??= [.. (await clientFor("regions").GetAllAsync<RegionRow>("/api/regions")).SelectMany(r => r.Members.Select(m => m.InstitutionId)).Distinct()];
        for (var i = 0; i < count; i++)
        {
            await (random.Next(9) switch
            {
                0 or 1 => CreateForumAsync(),
                2 => ChangeParticipantsAsync(),
                3 => RecordMeetingAsync(),
                4 => DeleteForumAsync(),
                5 => RenameAsync(),
                6 => MergeOrRetireAsync(),
                7 => CreateContactAsync(),
                _ => VerifyOrEraseContactAsync(),
            });
        }
    }

    private string Institution() => _institutions![random.Next(_institutions.Count)];

    private string Date() => new DateOnly(2015, 1, 1).AddDays(random.Next(4000)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private object[] Participants() => [.. Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Institution()).Distinct()
        .Select(id => new { institutionId = id, capacity = random.Next(4) == 0 ? "invited" : "member", from = random.Next(3) == 0 ? Date() : null })];

    private async Task CreateForumAsync()
    {
        using var response = await clientFor("forums").PostJsonAsync("/api/forums", new
        {
            name = $"Random forum {Guid.NewGuid():N}",
            regionIds = new[] { Regions[random.Next(Regions.Length)] },
            participants = Participants(),
            lastMeetingOn = random.Next(2) == 0 ? Date() : null,
        });
        if (response.StatusCode == HttpStatusCode.Created)
        {
            _forums.Add((await response.ReadJsonAsync<Created>()).Id);
        }
    }

    private Task ChangeParticipantsAsync() => PatchAsync("forums", $"/api/forums/{Pick(_forums)}", new { participants = Participants() });

    private Task RecordMeetingAsync() => SendAsync("forums", HttpMethod.Post, $"/api/forums/{Pick(_forums)}/meetings", new { on = Date() });

    private async Task DeleteForumAsync()
    {
        var id = Pick(_forums);
        await SendAsync("forums", HttpMethod.Delete, $"/api/forums/{id}", null);
        _forums.Remove(id);
    }

    private Task RenameAsync() =>
        PatchAsync("institutions", $"/api/institutions/{Institution()}", new { name = $"Renamed {random.Next(1000)}", nameValidFrom = Date() });

    private Task MergeOrRetireAsync() => random.Next(2) == 0
        ? SendAsync("institutions", HttpMethod.Post, $"/api/institutions/{Institution()}/merge", new { successorId = Institution(), on = Date() })
        : SendAsync("institutions", HttpMethod.Delete, $"/api/institutions/{Institution()}", null);

    private async Task CreateContactAsync()
    {
        object body = random.Next(2) == 0 && _forums.Count > 0
            ? new { kind = "function", function = "Chair", forumId = Pick(_forums), verifiedOn = Date() }
            : new { kind = "function", function = "HR director", institutionId = Institution(), verifiedOn = random.Next(2) == 0 ? Date() : null };
        using var response = await clientFor("contacts").PostJsonAsync("/api/contacts", body);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            _contacts.Add((await response.ReadJsonAsync<Created>()).Id);
        }
    }

    private async Task VerifyOrEraseContactAsync()
    {
        var id = Pick(_contacts);
        if (random.Next(2) == 0)
        {
            await PatchAsync("contacts", $"/api/contacts/{id}", new { verifiedOn = Date() });
            return;
        }
        await SendAsync("contacts", HttpMethod.Delete, $"/api/contacts/{id}", null);
        _contacts.Remove(id);
    }

    private string Pick(List<string> ids) => ids.Count == 0 ? "none" : ids[random.Next(ids.Count)];

    private Task PatchAsync(string service, string path, object body) => SendAsync(service, HttpMethod.Patch, path, body, "application/merge-patch+json");

    /// <summary>With the current ETag as If-Match; a 404 or a refusal by the producer's rules leaves nothing to follow.</summary>
    private async Task SendAsync(string service, HttpMethod method, string path, object? body, string mediaType = "application/json")
    {
        var client = clientFor(service);
        var resource = path.Split('/').Take(4);
        using var read = await client.GetAsync(string.Join('/', resource));
        if (!read.IsSuccessStatusCode)
        {
            return;
        }
        using var response = await client.SendJsonAsync(method, path, body is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body, JsonHttp.Options)),
            read.Headers.ETag?.Tag, mediaType);
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private sealed record Created(string Id);

    private sealed record MemberRow(string InstitutionId);

    private sealed record RegionRow(string Id, List<MemberRow> Members);
}
