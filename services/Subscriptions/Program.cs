using Samverkan.ServiceDefaults;
using Samverkan.Subscriptions.Extensions;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
