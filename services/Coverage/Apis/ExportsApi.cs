using Samverkan.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Exports;
using Samverkan.Http;

namespace Samverkan.Coverage.Apis;

/// <summary>
/// Exports for national staff, each as on <c>asOf</c> (default today): the registry as JSON, the
/// forums as CSV, and the printable report. Contact points appear by function only.
/// </summary>
public static class ExportsApi
{
    /// <summary>This API's group in the document.</summary>
    public static readonly ApiTag Tag = new("Exports", "The registry as of a date for reading elsewhere: the whole registry as JSON, forums as CSV, and the printable report.");

    /// <summary>The export paths from before this service existed.</summary>
    public static readonly ApiTag DeprecatedTag = new("Exports (deprecated paths)", "The exports under /api/exports, kept as aliases until their Sunset date; use /api/coverage/exports.");

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/coverage/exports").WithTag(Tag);
        api.MapGet("/registry.json", Registry).WithName("ExportRegistry").WithSummary("Regions, institutions, forums with participants and contact points, and coverage, as JSON");
        api.MapGet("/forums.csv", ForumsCsv).Produces<string>(StatusCodes.Status200OK, "text/csv").WithName("ExportForumsCsv").WithSummary("Forums with participants flattened, one row per participant (RFC 4180, UTF-8 with BOM)");
        api.MapGet("/report.html", Report).Produces<string>(StatusCodes.Status200OK, "text/html").WithName("ExportReport").WithSummary("The printable report: institutions and forums per region, and coverage");
        var old = app.MapGroup("/api/exports").WithTag(DeprecatedTag);
        old.MapGet("/registry.json", Registry).WithName("ExportRegistryDeprecated").WithSummary("The registry as JSON (moved to /api/coverage/exports/registry.json)").DeprecatedFor("/api/coverage/exports/registry.json");
        old.MapGet("/forums.csv", ForumsCsv).Produces<string>(StatusCodes.Status200OK, "text/csv").WithName("ExportForumsCsvDeprecated").WithSummary("Forums as CSV (moved to /api/coverage/exports/forums.csv)").DeprecatedFor("/api/coverage/exports/forums.csv");
        old.MapGet("/report.html", Report).Produces<string>(StatusCodes.Status200OK, "text/html").WithName("ExportReportDeprecated").WithSummary("The printable report (moved to /api/coverage/exports/report.html)").DeprecatedFor("/api/coverage/exports/report.html");
        return app;
    }

    private static Results<Ok<RegistryExport>, ValidationProblem> Registry(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        Download(context, $"samverkan-registry-{Iso(date)}.json", inline: true);
        return TypedResults.Ok(RegistryExport.From(loader.Load(date)));
    }

    private static Results<FileContentHttpResult, ValidationProblem> ForumsCsv(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var csv = Exports.ForumsCsv.Write(loader.Load(date));
        Download(context, $"samverkan-forums-{Iso(date)}.csv", inline: false);
        return TypedResults.File(csv.ToUtf8WithBom(), "text/csv; charset=utf-8; header=present");
    }

    private static Results<ContentHttpResult, ValidationProblem> Report(
        string? asOf, ExportLoader loader, TimeProvider clock, HttpContext context)
    {
        var validation = new Validation();
        var date = AsOfQuery.Parse(asOf, clock, validation);
        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }
        var html = ReportHtml.Write(loader.Load(date));
        // The page needs nothing but its own inline styles: no scripts, images or requests elsewhere.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    private static void Download(HttpContext context, string fileName, bool inline) =>
        context.Response.Headers.ContentDisposition = $"{(inline ? "inline" : "attachment")}; filename=\"{fileName}\"";

    private static string Iso(DateOnly date) => Dormancy.Iso(date);
}
