using System.Text.Json;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests.BadInput;

/// <summary>
/// Table-driven fuzzing through the gateway: every mutation of a valid body of every write
/// endpoint, and every bad value of every query parameter, is a 4xx problem+json naming the
/// field, never a 5xx, and a refused write leaves the resource and the audit trail as they were.
/// </summary>
public sealed class BadInputFuzzTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    public static TheoryData<string> Writes() => [.. WriteTargets.All.Select(target => target.Name)];

    public static TheoryData<string, string> Queries()
    {
        var cases = new TheoryData<string, string>();
        foreach (var target in QueryTargets.All)
        {
            cases.Add(target.Path, target.Parameter);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Every_mutation_of_a_valid_body_is_a_problem_naming_the_field_and_changes_nothing(string name)
    {
        var target = WriteTargets.Named(name);
        var ids = fixture.Ids;
        var path = target.Path(ids);
        // The valid body is accepted, so each refusal below is the mutation's doing.
        using (var valid = await SendAsync(target.Method, path, target.Body(ids)))
        {
            Assert.True(valid.IsSuccessStatusCode, $"The valid body of {name}: {(int)valid.StatusCode} {await valid.Content.ReadAsStringAsync()}");
        }
        var before = await StateAsync(target, ids);
        var failures = new List<string>();
        var mutations = JsonMutations.Of(target.Body(ids), target.Required.ToHashSet()).ToList();
        foreach (var mutation in mutations)
        {
            using var response = await SendAsync(target.Method, path, mutation.Json);
            if (await FailureAsync(response, mutation.Field) is { } failure)
            {
                failures.Add($"{mutation}: {failure}");
            }
            else if (await StateAsync(target, ids) != before)
            {
                failures.Add($"{mutation}: refused, but the stored state changed");
                before = await StateAsync(target, ids);
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {mutations.Count} mutations of {name}:\n{string.Join('\n', failures)}");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Every_bad_value_of_a_query_parameter_is_a_problem_naming_it(string path, string parameter)
    {
        var target = QueryTargets.All.Single(query => query.Path == path && query.Parameter == parameter);
        var failures = new List<string>();
        foreach (var value in target.BadValues)
        {
            using var response = await fixture.Admin.GetAsync($"{path}?{parameter}={value}");
            if (await FailureAsync(response, parameter) is { } failure)
            {
                failures.Add($"{parameter}={value}: {failure}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Why the answer is not a 4xx problem naming <paramref name="field"/>; null when it is.</summary>
    private static async Task<string?> FailureAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status is < 400 or >= 500)
        {
            return $"answered {status}: {Cut(body)}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {status} as {response.Content.Headers.ContentType?.MediaType ?? "nothing"}: {Cut(body)}";
        }
        var problem = JsonDocument.Parse(body).RootElement;
        var named = problem.TryGetProperty("errors", out var errors)
            && errors.EnumerateObject().Any(error => error.Name == field || error.Name.StartsWith(field + ".", StringComparison.Ordinal)
                || error.Name.StartsWith(field + "[", StringComparison.Ordinal));
        named |= problem.TryGetProperty("detail", out var detail) && detail.GetString()?.Contains(field, StringComparison.Ordinal) == true;
        return named ? null : $"answered {status} without naming {field}: {Cut(body)}";
    }

    /// <summary>
    /// What a refused write must leave as it was: the resource as read back, and the number of
    /// audit records of its type by this class's caller (other tests write the same types meanwhile).
    /// </summary>
    private async Task<string> StateAsync(WriteTarget target, TargetIds ids)
    {
        var audit = await fixture.Admin.GetAllAsync<JsonElement>(
            $"/api/audit?entity={target.AuditType}&actor={Uri.EscapeDataString(fixture.Caller.Subject!)}");
        if (target.ReadBack(ids) is not { } readBack)
        {
            return $"{audit.Count} audit records";
        }
        using var response = await fixture.Admin.GetAsync(readBack);
        return $"{audit.Count} audit records; {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        fixture.Admin.SendAsync(new HttpRequestMessage(method, path) { Content = WriteTargets.Json(json) });

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
