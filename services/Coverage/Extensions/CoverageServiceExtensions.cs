using Samverkan.Contacts.Protos;
using Samverkan.Coverage.Analysis;
using Samverkan.Coverage.Exports;
using Samverkan.Coverage.ReadModel;
using Samverkan.Forums.Protos;
using Samverkan.Institutions.Protos;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage;
using Samverkan.Storage.Hosting;

namespace Samverkan.Coverage.Extensions;

public static class CoverageServiceExtensions
{
    /// <summary>
    /// The read model (kept in this service's own store, rebuilt from the producers' gRPC
    /// snapshots), the analysis over it with its periods from configuration, and the exports.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddOptions<CoverageOptions>().BindConfiguration(CoverageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RebuildOptions>().BindConfiguration(RebuildOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddServiceClient<RegionDirectory.RegionDirectoryClient>("Regions");
        builder.AddServiceClient<InstitutionDirectory.InstitutionDirectoryClient>("Institutions");
        builder.AddServiceClient<ForumDirectory.ForumDirectoryClient>("Forums");
        builder.AddServiceClient<ContactDirectory.ContactDirectoryClient>("Contacts");
        builder.Services.AddSingleton(provider => new ReadModelStore(provider.GetRequiredService<IDocumentStore>()));
        builder.Services.AddSingleton<CoverageReadModel>();
        builder.Services.AddSingleton<SnapshotSource>();
        builder.Services.AddSingleton<RebuildService>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RebuildService>());
        builder.Services.AddHealthChecks().AddCheck<ReadModelHealthCheck>("read-model", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton<CoverageService>();
        builder.Services.AddSingleton<ExportLoader>();
        return builder;
    }
}
