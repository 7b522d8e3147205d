using Samverkan.Gateway.Apis;
using Samverkan.Gateway.Extensions;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseExceptionHandler();
// Gives the proxy's own bare errors (502 when a service is down, 504 on timeout) a problem+json body.
app.UseStatusCodePages();
app.UseSamverkanAuth();
app.MapPlatformHealth();
app.MapApiReference();
app.MapReverseProxy();
app.Run();

public partial class Program;
