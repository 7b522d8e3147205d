using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Samverkan.Forums.Model;
using Samverkan.Http;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Writes;

namespace Samverkan.Forums.Apis;

/// <summary>
/// Recording that a forum met: the date joins the forum's meeting history and
/// <c>lastMeetingOn</c> becomes the newest meeting. A meeting within the dormancy period before
/// today makes the stored status active again; an older one adds history only.
/// </summary>
public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/forums").WithTag(ForumsApi.Tag)
            .MapPost("/{id}/meetings", RecordAsync)
            .RequireAuthorization(Policies.RegistryAdmin).WithName("RecordMeeting").WritesVersioned()
            .WithSummary("Record a meeting of the forum ({\"on\": \"YYYY-MM-DD\"}); honours If-Match");
        return app;
    }

    private static async Task<Results<Ok<ForumResponse>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        string id, MeetingInput input, IOptions<DormancyPeriod> options, [AsParameters] ForumWrite write)
    {
        var today = write.Today;
        var written = await write.Writes.ChangeAsync(write.Context, id, current =>
        {
            var validation = Validate(input, current.Value, today);
            if (!validation.IsValid)
            {
                return TypedResults.ValidationProblem(validation.Errors);
            }
            var forum = Record(current.Value, input.On!.Value, today, options.Value);
            return forum == current.Value ? Change<Forum>.None : Change.To(ForumResource.MeetingRecorded, forum);
        }, write.Cancellation);
        return await written.AnswerAsync(stored => ForumsApi.RespondAsync(stored, write.Names, write.Cancellation));
    }

    /// <summary>The forum with the meeting recorded; the same forum when that date is already recorded.</summary>
    public static Forum Record(Forum forum, DateOnly on, DateOnly today, DormancyPeriod period)
    {
        var recorded = forum.RecordedMeetings();
        if (recorded.Contains(on))
        {
            return forum;
        }
        IReadOnlyList<DateOnly> history = [.. recorded.Append(on).Order()];
        var changed = forum with { MeetingDates = history, LastMeetingOn = history[^1] };
        var alive = period.AliveOn(changed, today);
        return alive && forum.Status != ForumStatus.Active
            ? changed with { Status = ForumStatus.Active, StatusNote = $"Active again: a meeting was recorded on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." }
            : changed;
    }

    private static Validation Validate(MeetingInput input, Forum forum, DateOnly today)
    {
        var validation = new Validation();
        if (input.On is null)
        {
            validation.Add("on", "This field is required: the date of the meeting, YYYY-MM-DD.");
        }
        validation.Date("on", input.On, notAfter: today);
        if (forum.RecordedMeetings().Count >= ForumBounds.MaxMeetingDates)
        {
            validation.Add("on", $"The forum already has {ForumBounds.MaxMeetingDates} recorded meetings.");
        }
        return validation;
    }
}

/// <summary>A meeting to record: the day it was held.</summary>
public sealed record MeetingInput(DateOnly? On);
