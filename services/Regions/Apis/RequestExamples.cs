using Samverkan.Regions.Model;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Regions.Apis;

/// <summary>One valid body per input type, shown in the OpenAPI document.</summary>
public static class RequestExamples
{
    public static void Register(RequestExampleOptions examples) => examples
        .Add(new RegionMembersInput(
        [
            new RegionMemberInput("region-kronoberg", false, null, null, null),
            new RegionMemberInput("region-halland", true, "Southern municipalities: Halmstad, Laholm, Hylte", null, null),
            new RegionMemberInput("hogskolan-i-exempelby", false, null, new DateOnly(2019, 1, 1), new DateOnly(2024, 12, 31)),
        ]));
}
