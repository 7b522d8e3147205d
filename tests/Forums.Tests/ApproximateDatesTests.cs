using System.Net;
using System.Text;
using Samverkan.Forums.Model;
using Samverkan.TestSupport;
using Samverkan.Text;

namespace Samverkan.Forums.Tests;

/// <summary>
/// Meetings and verifications known only as precisely as their source gives them (a month, a
/// year, a half year, "before" a day): stored and read back in their written form; anything else,
/// or a date that cannot have passed yet, is a 400 naming the field.
/// </summary>
public sealed class ApproximateDatesTests(ForumsFixture fixture) : IClassFixture<ForumsFixture>
{
    private const string Rest = """
        "regionIds":["norra"],"participants":[{"institutionId":"umea-universitet","capacity":"member"}]
        """;

    [Fact]
    public async Task Approximate_meetings_and_verification_are_stored_as_written()
    {
        var json = $$$"""
            {"name":"Ungefärligt forum {{{Guid.NewGuid():N}}}",{{{Rest}}},
             "approximateMeetings":["2016-autumn","before 2015-06-30","2017-04","2014"],
             "provenance":{"verifiedBy":"Kansliet","verifiedOn":null,"source":"Rapporten","verifiedApproximately":"2018-spring"}}
            """;

        using var response = await PostAsync(json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var forum = await fixture.Client.GetJsonAsync<ForumResponse>($"/api/forums/{(await response.ReadJsonAsync<ForumResponse>()).Id}");
        Assert.Equal(["2016-autumn", "before 2015-06-30", "2017-04", "2014"], forum.ApproximateMeetings.Select(date => date.ToString()));
        Assert.Equal(ImpreciseDate.Parse("2018-spring"), forum.Provenance!.VerifiedApproximately);
        Assert.Null(forum.LastMeetingOn);
    }

    [Theory]
    [InlineData("\"2018-summer\"", "approximateMeetings[0]")]
    [InlineData("\"2018-13\"", "approximateMeetings[0]")]
    [InlineData("\"18\"", "approximateMeetings[0]")]
    [InlineData("2018", "approximateMeetings[0]")]
    [InlineData("\"before spring\"", "approximateMeetings[0]")]
    [InlineData("\"2100-spring\"", "approximateMeetings[0]")]
    [InlineData("\"1850\"", "approximateMeetings[0]")]
    public async Task A_meeting_date_that_is_not_a_past_date_of_some_precision_is_refused_naming_it(string value, string field)
    {
        var name = $"Ungefärligt forum {Guid.NewGuid():N}";

        using var response = await PostAsync($$"""{"name":"{{name}}",{{Rest}},"approximateMeetings":[{{value}}]}""");

        await ProblemAssert.NamesFieldsAsync(response, field);
        Assert.Empty(await fixture.Client.GetAllAsync<ForumResponse>($"/api/forums?q={Uri.EscapeDataString(name)}"));
    }

    [Fact]
    public async Task A_verification_in_the_future_is_refused_naming_it()
    {
        using var response = await PostAsync($$$"""
            {"name":"Ungefärligt forum {{{Guid.NewGuid():N}}}",{{{Rest}}},"provenance":{"verifiedApproximately":"{{{DateTime.UtcNow.Year + 1}}}"}}
            """);

        await ProblemAssert.NamesFieldsAsync(response, "provenance.verifiedApproximately");
    }

    [Fact]
    public async Task Unknown_is_never_a_stored_status()
    {
        using var response = await PostAsync($$"""{"name":"Ungefärligt forum {{Guid.NewGuid():N}}",{{Rest}},"status":"unknown"}""");

        await ProblemAssert.NamesFieldsAsync(response, "status");
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        fixture.Client.PostAsync("/api/forums", new StringContent(json, Encoding.UTF8, "application/json"));
}
