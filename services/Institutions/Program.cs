using Samverkan.Institutions.Apis;
using Samverkan.Institutions.Extensions;
using Samverkan.Institutions.Grpc;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Audit;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapAuditApi();
app.MapInstitutionsApi();
app.MapGrpcService<InstitutionDirectoryService>();
app.Run();

public partial class Program;
