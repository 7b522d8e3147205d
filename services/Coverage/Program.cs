using Samverkan.Audit;
using Samverkan.Coverage.Apis;
using Samverkan.Coverage.Extensions;
using Samverkan.Coverage.Ingestion;
using Samverkan.Events.Dapr;
using Samverkan.ServiceDefaults;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
// Coverage writes nothing of its own; its (empty) trail keeps the gateway's merged audit complete.
app.MapAuditApi();
app.UseEventSubscriptions();
app.MapProducerEvents();
app.MapCoverageApi();
app.MapReadModelApi();
app.MapExportsApi();
app.Run();

public partial class Program;
