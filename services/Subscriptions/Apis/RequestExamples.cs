using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Subscriptions.Model;

namespace Samverkan.Subscriptions.Apis;

/// <summary>
/// One valid body per input type, shown in the OpenAPI document; the contract tests validate them
/// against the document (a webhook URL must resolve to a public address, which a test machine
/// offline cannot offer, so they are not sent).
/// </summary>
public static class RequestExamples
{
    public static void Register(RequestExampleOptions examples) => examples
        .Add(new SubscriptionInput("https://partner.example.se/samverkan/webhook", ["samverkan.forum.*", "samverkan.institution.created.v1"],
            "Forum changes for our intranet", null))
        .Add(new SubscriptionPatch(null, null, "Forum changes for our intranet and app", true))
        .Add(new RotateInput(24))
        .Add(new ReplayInput(null, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)))
        .Add(new ApiKeyInput("partner-exempel", "Intranet sync", false));
}
