using Samverkan.Gateway.Apis;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Security;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
// First, so every answer carries the headers: errors, refusals and the services' answers alike.
app.UseSecurityHeaders();
app.UseApiReferencePolicy(ApiReferenceApi.ReferencePath);
app.UseExceptionHandler();
// Gives the proxy's own bare errors (502 when a service is down, 504 on timeout) a problem+json body.
app.UseStatusCodePages();
app.UseRequestBodyLimit();
// Before authentication: a preflight carries no credentials and is answered here.
app.UseCors();
app.UseSamverkanAuth();
// After authentication, so a signed-in client is limited by who it is, not where it calls from.
app.UseRateLimiter();
app.MapPlatformHealth();
app.MapApiReference();
app.MapPlatformAudit();
app.MapReverseProxy();
app.Run();

public partial class Program;
