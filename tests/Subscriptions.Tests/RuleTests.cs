using Samverkan.Http;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Webhooks;

namespace Samverkan.Subscriptions.Tests;

/// <summary>The pure rules behind delivery, checked without a process.</summary>
public class RuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly FeedEvent Head = new("e1", "samverkan.forum.updated.v1", 7);

    [Fact]
    public void Signing_reproduces_the_standard_webhooks_published_test_vector()
    {
        var signature = WebhookSignature.Sign(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void The_next_attempt_follows_the_schedule_after_each_failure()
    {
        var options = new WebhookOptions();

        var decision = RetryPlanner.Plan(options, 2, Now.AddSeconds(-5), Failure(500), Head);

        Assert.Null(decision.DisableReason);
        Assert.Equal(Now.AddMinutes(5), decision.NextAttemptAt);
    }

    [Fact]
    public void A_retry_after_later_than_the_schedule_wins_and_an_earlier_one_does_not()
    {
        var options = new WebhookOptions();

        Assert.Equal(Now.AddMinutes(20), RetryPlanner.Plan(options, 2, Now, Failure(429, TimeSpan.FromMinutes(20)), Head).NextAttemptAt);
        Assert.Equal(Now.AddMinutes(5), RetryPlanner.Plan(options, 2, Now, Failure(429, TimeSpan.FromSeconds(1)), Head).NextAttemptAt);
    }

    [Fact]
    public void A_head_failing_longer_than_disable_after_disables_and_no_attempt_is_planned_past_that_time()
    {
        var options = new WebhookOptions { RetrySchedule = [TimeSpan.Zero, .. Enumerable.Repeat(TimeSpan.FromDays(2), 10)] };

        var capped = RetryPlanner.Plan(options, 3, Now.AddDays(-4), Failure(503), Head);
        var expired = RetryPlanner.Plan(options, 4, Now.AddDays(-5), Failure(503), Head);

        Assert.Equal(Now.AddDays(1), capped.NextAttemptAt);
        Assert.Null(expired.NextAttemptAt);
        Assert.Contains("longer than 5.00:00:00", expired.DisableReason);
        Assert.Contains("HTTP 503", expired.DisableReason);
    }

    [Fact]
    public void The_schedule_running_out_or_a_410_disables_naming_the_event()
    {
        var options = new WebhookOptions();

        var exhausted = RetryPlanner.Plan(options, options.Schedule.Count, Now.AddHours(-28), Failure(500), Head);
        var gone = RetryPlanner.Plan(options, 1, Now, Failure(410), Head);

        Assert.Contains("all 8 attempts", exhausted.DisableReason);
        Assert.Contains("e1", exhausted.DisableReason);
        Assert.Contains("410 Gone", gone.DisableReason);
    }

    [Fact]
    public void Retry_after_as_an_http_date_counts_from_now_and_a_past_one_is_ignored()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), WebhookSender.RetryAfter(new(Now.AddSeconds(90)), Now));
        Assert.Null(WebhookSender.RetryAfter(new(Now.AddSeconds(-90)), Now));
        Assert.Equal(TimeSpan.FromSeconds(30), WebhookSender.RetryAfter(new(TimeSpan.FromSeconds(30)), Now));
    }

    [Theory]
    [InlineData("samverkan.forum.*", "samverkan.forum.updated.v1", true)]
    [InlineData("samverkan.forum.*", "samverkan.forums.updated.v1", false)]
    [InlineData("samverkan.forum.updated.v1", "samverkan.forum.updated.v1", true)]
    [InlineData("samverkan.forum.updated.v1", "samverkan.forum.updated.v10", false)]
    [InlineData("*", "anything.at.all", true)]
    [InlineData("samverkan.region.*,samverkan.forum.deleted.v1", "samverkan.forum.deleted.v1", true)]
    public void Type_patterns_match_exactly_or_by_prefix_before_the_star(string patterns, string type, bool matches)
    {
        var validation = new Validation();

        var filter = TypeFilter.Parse(patterns, "types", validation);

        Assert.True(validation.IsValid);
        Assert.Equal(matches, filter.Matches(type));
    }

    private static AttemptResult Failure(int status, TimeSpan? retryAfter = null) => new(Now, status, null, 12, retryAfter);
}
