using Samverkan.Audit;
using Samverkan.Events.Relay;
using Samverkan.Institutions.Apis;
using Samverkan.Institutions.Extensions;
using Samverkan.Institutions.Grpc;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuditApi();
app.MapDeadLetters(Policies.RegistryAdmin);
app.MapInstitutionsApi();
app.MapGrpcService<InstitutionDirectoryService>();
app.Run();

public partial class Program;
