using System.Net;
using Samverkan.TestSupport;

namespace Samverkan.Platform.Tests;

/// <summary>The merged audit trail while a service is down: on a platform of its own, since it stops Regions.</summary>
[Collection(OwnPlatform.Name)]
public sealed class AuditTrailOutageTests(OwnPlatformFixture fixture)
{
    [Fact]
    public async Task A_service_that_cannot_answer_fails_the_trail_with_503_naming_it_rather_than_leaving_it_out()
    {
        fixture.Platform.Kill("regions");
        try
        {
            using var response = await fixture.Gateway.GetAsync("/api/audit");

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(["regions"], problem.GetProperty("services").EnumerateArray().Select(service => service.GetString()));
        }
        finally
        {
            await fixture.Platform.RestartAsync("regions");
        }
    }
}
