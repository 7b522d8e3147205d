using Samverkan.Audit;
using Samverkan.Events.Dapr;
using Samverkan.ServiceDefaults;
using Samverkan.Subscriptions.Apis;
using Samverkan.Subscriptions.Extensions;
using Samverkan.Subscriptions.Feed;
using Samverkan.Subscriptions.Grpc;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.UseEventSubscriptions();
app.MapChangeIngestion();
app.MapChangesApi();
app.MapSubscriptionsApi();
app.MapSubscriptionActionsApi();
app.MapApiKeysApi();
app.MapAuditApi();
app.MapGrpcService<ApiKeyDirectoryService>();
app.Run();

public partial class Program;
