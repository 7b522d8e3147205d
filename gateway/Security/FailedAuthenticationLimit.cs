using System.Threading.RateLimiting;
using Samverkan.ServiceDefaults.Auth;

namespace Samverkan.Gateway.Security;

/// <summary>
/// Failed authentications per minute per remote address (<c>RateLimits:FailedAuthenticationsPerMinute</c>).
/// The per-client limits run after authentication and a request whose credentials fail is
/// answered 401 before them, so without this a loop of made-up keys or tokens would never be
/// limited, each one costing a key lookup. An address that used its failures has every request
/// that carries credentials answered 429 before they are checked, until its bucket refills;
/// its requests without credentials go on under the anonymous limit.
/// </summary>
public sealed class FailedAuthenticationLimit : IDisposable
{
    private readonly TokenBucketRateLimiterOptions bucket;
    private readonly PartitionedRateLimiter<string> failures;

    public FailedAuthenticationLimit(int permitsPerMinute)
    {
        bucket = ClientRateLimitExtensions.PerMinute(permitsPerMinute);
        failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetTokenBucketLimiter(address, _ => bucket));
    }

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var sentCredentials = context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey(ApiKeyFormat.Header);
        if (!sentCredentials)
        {
            await next();
            return;
        }
        var address = $"address:{context.Connection.RemoteIpAddress}";
        // Looked up in the statistics: a token bucket was seen to grant a zero-permit attempt
        // while empty (once its replenishment timer had run), so that cannot be used to look.
        if (failures.GetStatistics(address)?.CurrentAvailablePermits <= 0)
        {
            // One failure comes back each replenishment period.
            await ClientRateLimitExtensions.TooManyAsync(context, bucket.ReplenishmentPeriod, "This address has sent too many credentials that did not hold.");
            return;
        }
        await next();
        if (context.User.Identity?.IsAuthenticated != true)
        {
            failures.AttemptAcquire(address).Dispose();
        }
    }

    public void Dispose() => failures.Dispose();
}

public static class FailedAuthenticationLimitExtensions
{
    /// <summary>Counts and limits failed authentications; call just before <c>UseSamverkanAuth</c>.</summary>
    public static WebApplication UseFailedAuthenticationLimit(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<FailedAuthenticationLimit>();
        app.Use((context, next) => limit.InvokeAsync(context, () => next(context)));
        return app;
    }
}
