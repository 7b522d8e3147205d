using Samverkan.Audit;
using Samverkan.Contacts.Apis;
using Samverkan.Contacts.Extensions;
using Samverkan.Contacts.Grpc;
using Samverkan.Events.Relay;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapContactsApi();
app.MapStaleContactsApi();
app.MapAuditApi();
app.MapDeadLetters(Policies.RegistryAdmin);
app.MapGrpcService<ContactDirectoryService>();
app.Run();

public partial class Program;
