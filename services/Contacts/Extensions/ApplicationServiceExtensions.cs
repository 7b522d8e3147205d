using Samverkan.Contacts.Apis;
using Samverkan.Contacts.Events;
using Samverkan.Contacts.Model;
using Samverkan.Events;
using Samverkan.Events.Hosting;
using Samverkan.Forums.Protos;
using Samverkan.Institutions.Protos;
using Samverkan.ServiceDefaults.Grpc;
using Samverkan.ServiceDefaults.OpenApi;
using Samverkan.Storage;
using Samverkan.Storage.Hosting;
using Samverkan.Writes;

namespace Samverkan.Contacts.Extensions;

public static class ApplicationServiceExtensions
{
    public const string Collection = "contacts";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDocumentStore();
        builder.Services.AddRequestExamples(RequestExamples.Register);
        builder.Services.AddOptions<StalenessOptions>().BindConfiguration(StalenessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(provider => new DocumentCollection<Contact>(
            provider.GetRequiredService<IDocumentStore>(), Collection, contact => contact.Id, contact => contact.Tags()));
        builder.AddEventPublishing(Topics.Contacts);
        builder.Services.AddVersionedWrites<Contact, ContactResource>();
        builder.Services.AddSeed<Contact>("contacts.json", contact => ContactEvents.Announce(ContactEvents.Created, contact, 1));
        builder.AddServiceClient<ForumDirectory.ForumDirectoryClient>("Forums");
        builder.AddServiceClient<InstitutionDirectory.InstitutionDirectoryClient>("Institutions");
        return builder;
    }
}
