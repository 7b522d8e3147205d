using Microsoft.AspNetCore.Mvc;
using Samverkan.Web.Api;
using Samverkan.Web.Formatting;

namespace Samverkan.Web.Endpoints;

/// <summary>
/// Verifying a contact in one step from the organisation page: a form per contact posts here
/// with the version it was shown at, and the page is shown again with the outcome. A plain
/// endpoint rather than a Blazor form, since the page has one form per contact. The form
/// field binding makes ASP.NET Core check its antiforgery token.
/// </summary>
public static class ContactEndpoints
{
    public const string Verified = "verifierad";
    public const string ChangedMeanwhile = "andrad";
    public const string Refused = "nekad";

    public static IEndpointRouteBuilder MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/organisation/{organisation}/kontakter/{id}/verifiera", VerifyAsync);
        return app;
    }

    private static async Task<IResult> VerifyAsync(string organisation, string id, [FromForm] int version, RegistryApi api, CancellationToken cancellationToken)
    {
        var result = await api.VerifyContactAsync(id, EntityTags.Of(version), cancellationToken);
        var outcome = result.Succeeded ? Verified : result.ChangedMeanwhile ? ChangedMeanwhile : Refused;
        return Results.Redirect(QueryPath.With($"/organisation/{Uri.EscapeDataString(organisation)}", (outcome, id)) + $"#kontakt-{Uri.EscapeDataString(id)}");
    }
}
