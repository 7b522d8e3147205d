using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;

namespace Samverkan.Forums.Tests;

/// <summary>
/// The public JSON is read strictly (docs/api.md): each lenient form System.Text.Json's web
/// defaults would take is a 400 naming the field, and nothing is stored. The rule lives in
/// ServiceDefaults, so one service's tests stand for all.
/// </summary>
public sealed class StrictJsonTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private const string Participant = """{"institutionId":"umea-universitet","capacity":"member"}""";

    /// <summary>The rest of a valid forum, after its name.</summary>
    private const string Valid = $$"""
        "regionIds":["norra"],"participants":[{{Participant}}]
        """;

    public static TheoryData<string, string, string> LenientForms() => new()
    {
        { "an enum in another case", $$"""{"name":"NAME","participants":[{"institutionId":"umea-universitet","capacity":"MEMBER"}]}""", "participants[0].capacity" },
        { "an enum with a space", $$"""{"name":"NAME","participants":[{"institutionId":"umea-universitet","capacity":" member"}]}""", "participants[0].capacity" },
        { "two enum values joined", $$"""{"name":"NAME","participants":[{"institutionId":"umea-universitet","capacity":"member, invited"}]}""", "participants[0].capacity" },
        { "an enum as a number", $$"""{"name":"NAME","participants":[{"institutionId":"umea-universitet","capacity":1}]}""", "participants[0].capacity" },
        { "a number as a string", $$"""{"name":"NAME","startYear":"2020","participants":[{{Participant}}]}""", "startYear" },
        { "a property name in another case", $$"""{"name":"NAME","StartYear":2020,"participants":[{{Participant}}]}""", "StartYear" },
        { "a duplicate key", $$"""{"name":"NAME","startYear":2020,"startYear":2021,"participants":[{{Participant}}]}""", "startYear" },
        { "a duplicate nested key", $$"""{"name":"NAME","participants":[{"institutionId":"umea-universitet","capacity":"member","capacity":"invited"}]}""", "participants[0].capacity" },
        { "a null participant", $$"""{"name":"NAME","participants":[{{Participant}},null]}""", "participants[1]" },
        { "a null region id", $$"""{"name":"NAME","regionIds":["norra",null],"participants":[{{Participant}}]}""", "regionIds[1]" },
        { "a null meeting date", $$"""{"name":"NAME","meetingDates":[null],"participants":[{{Participant}}]}""", "meetingDates[0]" },
    };

    [Theory]
    [MemberData(nameof(LenientForms))]
    public async Task A_lenient_form_is_refused_naming_the_field_and_nothing_is_stored(string form, string json, string field)
    {
        var name = $"Strikt forum {Guid.NewGuid():N}";

        using var response = await PostAsync(json.Replace("NAME", name, StringComparison.Ordinal));

        Assert.False(response.StatusCode == HttpStatusCode.Created, $"{form} was accepted.");
        await ProblemAssert.NamesFieldsAsync(response, field);
        Assert.Empty(await fixture.Client.GetAllAsync<ForumResponse>($"/api/forums?q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task The_strict_form_of_the_same_body_is_accepted()
    {
        using var response = await PostAsync($$"""{"name":"Strikt forum {{Guid.NewGuid():N}}","startYear":2020,"regionIds":["norra"],"participants":[{{Participant}}]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_query_enum_in_another_case_is_refused_naming_the_parameter()
    {
        using var response = await fixture.Client.GetAsync("/api/forums?status=ACTIVE");

        await ProblemAssert.NamesFieldsAsync(response, "status");
    }

    [Theory]
    [InlineData("\"1\", junk")]
    [InlineData("junk")]
    [InlineData("\"1\" \"1\"")]
    [InlineData("*, \"1\"")]
    [InlineData(",")]
    public async Task An_If_Match_that_is_not_wholly_a_list_of_entity_tags_is_a_400_and_changes_nothing(string ifMatch)
    {
        var name = $"Villkorat forum {Guid.NewGuid():N}";
        using var created = await PostAsync($$"""{"name":"{{name}}",{{Valid}}}""");
        var forum = await created.ReadJsonAsync<ForumResponse>();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/forums/{forum.Id}")
        {
            Content = new StringContent($$"""{"name":"{{name}} ändrat",{{Valid}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        using var response = await fixture.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var read = await fixture.Client.GetJsonAsync<ForumResponse>($"/api/forums/{forum.Id}");
        Assert.Equal((name, 1L), (read.Name, read.Version));
    }

    [Fact]
    public async Task An_If_Match_list_naming_the_current_version_is_honoured()
    {
        using var created = await PostAsync($$"""{"name":"Villkorat forum {{Guid.NewGuid():N}}",{{Valid}}}""");
        var forum = await created.ReadJsonAsync<ForumResponse>();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/forums/{forum.Id}")
        {
            Content = new StringContent($$"""{"name":"{{forum.Name}} ändrat",{{Valid}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"7\", \"1\"");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        fixture.Client.PostAsync("/api/forums", new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
}
