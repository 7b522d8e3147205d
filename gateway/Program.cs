using Samverkan.Gateway.Apis;
using Samverkan.Gateway.Extensions;
using Samverkan.Gateway.Proxy;
using Samverkan.Gateway.Security;
using Samverkan.ServiceDefaults;
using Samverkan.ServiceDefaults.Auth;
using Samverkan.ServiceDefaults.Limits;
using Samverkan.ServiceDefaults.Protocol;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
// Before anything reads the client's address (the per-address limits): behind a trusted proxy, it is the forwarded one.
app.UseForwardedClientAddress();
// First, so every answer carries the headers: errors, refusals and the services' answers alike.
app.UseSecurityHeaders();
// The gateway's own answers (health, the API reference page, audit); a service's answer comes
// compressed by the service and is passed through as it is (ServiceDefaults' Compression).
app.UseResponseCompression();
app.UseApiReferencePolicy(ApiReferenceApi.ReferencePath);
// Before anything reads the request: an oversized line or headers are refused here (problem+json).
app.UseRequestLimits();
app.UseExceptionHandler();
// Gives bare errors (404 outside the routes, YARP's 502 for a broken answer) a problem+json body;
// a service that is down answers 503 (ServiceUnavailable).
app.UseStatusCodePages();
app.UseRequestBodyLimit();
// Routing here rather than first, so a HEAD is routed as its GET; the proxy sends it on as a HEAD.
app.UseHeadAsGet();
app.UseRouting();
// Before authentication: a preflight carries no credentials and is answered here.
app.UseCrossOrigin();
// Before authentication, so an address that keeps sending bad credentials stops costing key lookups.
app.UseFailedAuthenticationLimit();
app.UseSamverkanAuth();
// After authentication, so a signed-in client is limited by who it is, not where it calls from.
app.UseRateLimiter();
app.MapPlatformHealth();
app.MapApiReference();
app.MapPlatformAudit();
app.MapUnroutedApiPaths();
app.MapReverseProxy(ServiceUnavailable.Pipeline);
app.Run();

public partial class Program;
