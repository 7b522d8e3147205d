using Samverkan.Institutions.Model;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.Storage.Hosting;
using Samverkan.Storage;

namespace Samverkan.Institutions.Extensions;

public static class ApplicationServiceExtensions
{
    public const string Collection = "institutions";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => new DocumentCollection<Institution>(
            provider.GetRequiredService<IDocumentStore>(), Collection, institution => institution.Id));
        builder.Services.AddSeed<Institution>("institutions.json");
        builder.AddServiceClient<RegionDirectory.RegionDirectoryClient>("Regions");
        return builder;
    }
}
