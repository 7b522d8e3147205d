using Samverkan.Institutions.Model;
using Samverkan.ServiceDefaults.OpenApi;

namespace Samverkan.Institutions.Apis;

/// <summary>
/// One valid body per input type, shown in the OpenAPI document; the contract tests send the
/// create and replace examples to a running platform, so they must stay accepted as they are.
/// </summary>
public static class RequestExamples
{
    public static void Register(RequestExampleOptions examples) => examples
        .Add(new InstitutionInput("Region Exempelby", "RE", InstitutionKind.CountyCouncil, "https://www.regionexempelby.se", new DateOnly(2019, 1, 1)))
        .Add(new MergeInput("region-stockholm", new DateOnly(2025, 1, 1), "Merged into Region Stockholm by decision of both councils."))
        .Add(new PlannedMergerInput(false, new DateOnly(2027, 1, 1), "A merger with Region Stockholm is planned.", ["region-stockholm"]));
}
