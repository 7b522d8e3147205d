using Samverkan.Audit;
using Samverkan.Events.Relay;
using Samverkan.Regions.Apis;
using Samverkan.Regions.Extensions;
using Samverkan.Regions.Grpc;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuditApi();
app.MapDeadLetters(Policies.RegistryAdmin);
app.MapRegionsApi();
app.MapGrpcService<RegionDirectoryService>();
app.Run();

public partial class Program;
