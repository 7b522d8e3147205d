using Samverkan.Contacts.Protos;
using Samverkan.Forums.Coverage;
using Samverkan.Forums.Exports;
using Samverkan.ServiceDefaults.Grpc;

namespace Samverkan.Forums.Extensions;

public static class CoverageServiceExtensions
{
    /// <summary>The coverage analysis, its periods from configuration, and the Contacts client it needs for reach plans and exports.</summary>
    public static IHostApplicationBuilder AddCoverage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CoverageOptions>().BindConfiguration(CoverageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddServiceClient<ContactDirectory.ContactDirectoryClient>("Contacts");
        builder.Services.AddScoped<CoverageSource>();
        builder.Services.AddScoped<CoverageService>();
        builder.Services.AddScoped<ExportLoader>();
        return builder;
    }
}
