using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Forums.Exports;
using Samverkan.Http;

namespace Samverkan.Forums.Apis;

/// <summary>
/// Exports for national staff, each as on <c>asOf</c> (default today): the registry as JSON, the
/// forums as CSV, and the printable report. Contact points appear by function only.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exports").WithTags("Exports");
        api.MapGet("/registry.json", RegistryAsync).WithName("ExportRegistry").WithSummary("Regions, institutions, forums with participants and contact points, and coverage, as JSON");
        api.MapGet("/forums.csv", ForumsCsvAsync).WithName("ExportForumsCsv").WithSummary("Forums with participants flattened, one row per participant (RFC 4180, UTF-8 with BOM)");
        api.MapGet("/report.html", ReportAsync).WithName("ExportReport").WithSummary("The printable report: institutions and forums per region, and coverage");
        return app;
    }

    private static async Task<Results<Ok<RegistryExport>, ValidationProblem>> RegistryAsync(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        Download(context, $"samverkan-registry-{Iso(date)}.json", inline: true);
        return TypedResults.Ok(RegistryExport.From(await loader.LoadAsync(date, ct)));
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ForumsCsvAsync(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var csv = ForumsCsv.Write(await loader.LoadAsync(date, ct));
        Download(context, $"samverkan-forums-{Iso(date)}.csv", inline: false);
        return TypedResults.File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8; header=present");
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem>> ReportAsync(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var html = ReportHtml.Write(await loader.LoadAsync(date, ct));
        // The page needs nothing but its own inline styles: no scripts, images or requests elsewhere.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static void Download(HttpContext context, string fileName, bool inline) =>
        context.Response.Headers.ContentDisposition = $"{(inline ? "inline" : "attachment")}; filename=\"{fileName}\"";

    private static string Iso(DateOnly date) => Coverage.Dormancy.Iso(date);
}
