using Samverkan.Events;
using Samverkan.Institutions.Apis;
using Samverkan.Events.Hosting;
using Samverkan.Institutions.Events;
using Samverkan.Institutions.Model;
using Samverkan.Regions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Storage.Hosting;
using Samverkan.Storage;
using Samverkan.Writes;

namespace Samverkan.Institutions.Extensions;

public static class ApplicationServiceExtensions
{
    public const string Collection = "institutions";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddRequestExamples(RequestExamples.Register);
        builder.Services.AddSingleton(provider => new DocumentCollection<Institution>(
            provider.GetRequiredService<IDocumentStore>(), Collection, institution => institution.Id));
        builder.AddEventPublishing(Topics.Institutions);
        builder.Services.AddVersionedWrites<Institution, InstitutionResource>();
        builder.Services.AddSeed<Institution>("institutions.json",
            institution => InstitutionEvents.Announce(InstitutionEvents.Created, institution, 1));
        builder.AddServiceClient<RegionDirectory.RegionDirectoryClient>("Regions");
        return builder;
    }
}
