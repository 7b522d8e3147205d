using Samverkan.Events;
using Samverkan.Events.Hosting;
using Samverkan.Forums.Apis;
using Samverkan.Forums.Events;
using Samverkan.Forums.Model;
using Samverkan.Institutions.Protos;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Storage;
using Samverkan.Storage.Hosting;
using Samverkan.Writes;

namespace Samverkan.Forums.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddRequestExamples(RequestExamples.Register);
        builder.Services.AddSingleton(provider => new DocumentCollection<Forum>(
            provider.GetRequiredService<IDocumentStore>(), "forums", forum => forum.Id, forum => forum.Tags()));
        builder.AddEventPublishing(Topics.Forums);
        builder.Services.AddSingleton(provider => new DocumentCollection<InstitutionNameCopy>(
            provider.GetRequiredService<IDocumentStore>(), "institution-names", copy => copy.Id));
        builder.Services.AddSeed<Forum>("forums.json", ForumEvents.Seeded);
        builder.AddServiceClient<RegionDirectory.RegionDirectoryClient>("Regions");
        builder.AddServiceClient<InstitutionDirectory.InstitutionDirectoryClient>("Institutions");
        builder.Services.AddScoped<ForumReferences>();
        builder.Services.AddScoped<InstitutionNames>();
        builder.Services.AddVersionedWrites<Forum, ForumResource>();
        builder.Services.AddOptions<DormancyPeriod>().BindConfiguration(DormancyPeriod.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
