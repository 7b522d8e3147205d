using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Gateway.Security;

/// <summary>
/// Requests per minute per client: a partner by its API key id, a signed-in caller by its
/// subject, anyone else by remote address; and failed authentications per minute per remote
/// address (<see cref="FailedAuthenticationLimit"/>). Section <c>RateLimits</c>; the defaults
/// leave room for busy integrations and a whole hospital behind one address, and stop a runaway
/// loop or a key-guessing one.
/// </summary>
public sealed class ClientRateLimits
{
    public const string Section = "RateLimits";

    public const int DefaultPermitsPerMinute = 6000;
    public const int DefaultAnonymousPermitsPerMinute = 3000;
    public const int DefaultFailedAuthenticationsPerMinute = 60;

    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:PermitsPerMinute must be at least {1}.")]
    public int PermitsPerMinute { get; set; } = DefaultPermitsPerMinute;

    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:AnonymousPermitsPerMinute must be at least {1}.")]
    public int AnonymousPermitsPerMinute { get; set; } = DefaultAnonymousPermitsPerMinute;

    [Range(1, int.MaxValue, ErrorMessage = "RateLimits:FailedAuthenticationsPerMinute must be at least {1}.")]
    public int FailedAuthenticationsPerMinute { get; set; } = DefaultFailedAuthenticationsPerMinute;
}

public static class ClientRateLimitExtensions
{
    // Probes poll these; a limit there would only turn a healthy platform red.
    private static readonly PathString[] Unlimited = ["/health", "/alive"];

    public static IHostApplicationBuilder AddClientRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimits>().BindConfiguration(ClientRateLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(provider =>
            new FailedAuthenticationLimit(provider.GetRequiredService<IOptions<ClientRateLimits>>().Value.FailedAuthenticationsPerMinute));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ClientRateLimits>>((options, settings) =>
        {
            var limits = settings.Value;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Unlimited.Any(path => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : ClientKey(context) is { } client
                        ? RateLimitPartition.GetTokenBucketLimiter(client, _ => PerMinute(limits.PermitsPerMinute))
                        : RateLimitPartition.GetTokenBucketLimiter(
                            $"address:{context.Connection.RemoteIpAddress}", _ => PerMinute(limits.AnonymousPermitsPerMinute)));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>
    /// The authenticated client, or null for an anonymous one: its subject, which for an API key
    /// is <c>api-key:&lt;key id&gt;</c> (ApiKeyAuthenticationHandler), so each key has its own
    /// bucket. Runs after authentication, and a request whose credentials fail is refused before
    /// it gets here, so the key is never one the caller made up to escape its own limit.
    /// </summary>
    private static string? ClientKey(HttpContext context) => context.Caller().Subject;

    // A bucket of one minute's permits, refilled in even steps (whole permits, at most one step a
    // second), so a client that ran dry is told to wait seconds rather than the rest of a minute.
    internal static TokenBucketRateLimiterOptions PerMinute(int permits)
    {
        var steps = Enumerable.Range(1, Math.Min(60, permits)).Last(step => permits % step == 0);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = permits / steps,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / steps,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken) =>
        new(TooManyAsync(
            rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1),
            "This client has used its requests for now."));

    /// <summary>429 problem+json with Retry-After in whole seconds (at least one).</summary>
    internal static Task TooManyAsync(HttpContext context, TimeSpan wait, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"{reason} Retry after {seconds} s.")
            .ExecuteAsync(context);
    }
}
