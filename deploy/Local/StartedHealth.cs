using System.Net;
using System.Text.Json;

namespace Samverkan.Local;

/// <summary>
/// When a /health answer means the process has started. 200 does. So does a 503 whose only
/// unhealthy check is <c>events</c>: that is dead letters kept from before the restart, which
/// wait for an operator and must not stop the platform from starting (the operator needs it
/// running to re-drive them). The gateway's /health is the whole platform's, whose services
/// were each found started before it: any answer the gateway gives shows it runs.
/// </summary>
internal static class StartedHealth
{
    public const string EventsCheck = "events";

    public static bool IsStarted(HttpStatusCode status, string body, bool platformHealth, out string? warning)
    {
        warning = null;
        if ((int)status is >= 200 and < 300)
        {
            return true;
        }
        if (platformHealth)
        {
            warning = $"the platform reports {(int)status}: {body[..Math.Min(body.Length, 300)]}";
            return true;
        }
        if (status != HttpStatusCode.ServiceUnavailable || !TryUnhealthyChecks(body, out var unhealthy) || unhealthy.Count == 0
            || unhealthy.Any(check => check.Name != EventsCheck))
        {
            return false;
        }
        warning = unhealthy[0].Description;
        return true;
    }

    private static bool TryUnhealthyChecks(string body, out List<(string Name, string? Description)> unhealthy)
    {
        unhealthy = [];
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            foreach (var check in checks.EnumerateObject())
            {
                if (check.Value.TryGetProperty("status", out var status) && status.GetString() == "Unhealthy")
                {
                    unhealthy.Add((check.Name, check.Value.TryGetProperty("description", out var d) ? d.GetString() : null));
                }
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
