using Samverkan.Events;
using Samverkan.Events.Hosting;
using Samverkan.Regions.Apis;
using Samverkan.Regions.Events;
using Samverkan.Regions.Model;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Storage.Hosting;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Regions.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddRequestExamples(RequestExamples.Register);
        builder.Services.AddSingleton(provider => new DocumentCollection<Region>(
            provider.GetRequiredService<IDocumentStore>(), "regions", region => region.Id));
        builder.AddEventPublishing(Topics.Regions);
        builder.Services.AddVersionedWrites<Region, RegionResource>();
        builder.Services.AddSeed<Region>("regions.json", region => RegionEvents.Announce(RegionEvents.Created, region, 1));
        return builder;
    }
}
