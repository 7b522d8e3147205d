using Samverkan.Regions.Model;
using Samverkan.Storage.Hosting;
using Samverkan.Storage;

namespace Samverkan.Regions.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddSingleton(provider => new DocumentCollection<Region>(
            provider.GetRequiredService<IDocumentStore>(), "regions", region => region.Id));
        builder.Services.AddSeed<Region>("regions.json");
        return builder;
    }
}
