using Samverkan.Events.Subscribing;
using Samverkan.ServiceDefaults;
using Samverkan.Subscriptions.Apis;
using Samverkan.Subscriptions.Extensions;
using Samverkan.Subscriptions.Feed;

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
app.Run();

public partial class Program;
