using Samverkan.Audit;
using Samverkan.Events.Dapr;
using Samverkan.Events.Relay;
using Samverkan.Forums.Apis;
using Samverkan.Forums.Events;
using Samverkan.Forums.Extensions;
using Samverkan.Forums.Grpc;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuditApi();
app.MapDeadLetters(Policies.RegistryAdmin);
app.UseEventSubscriptions();
app.MapForumsApi();
app.MapMeetingsApi();
app.MapInstitutionEvents();
app.MapGrpcService<ForumDirectoryService>();
app.Run();

public partial class Program;
