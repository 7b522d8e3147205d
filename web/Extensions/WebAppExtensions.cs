using Microsoft.AspNetCore.HttpOverrides;
using Samverkan.ServiceDefaults;
using Samverkan.Web.Api;
using Samverkan.Web.Auth;
using Samverkan.Web.Components;
using Samverkan.Web.Endpoints;
using Samverkan.Web.Formatting;
using Samverkan.Web.Security;

namespace Samverkan.Web.Extensions;

public static class WebAppExtensions
{
    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        // Its own assets (blazor.web.js, app.css) from the build's static web assets manifest in
        // every environment, not only Development: run from bin/ otherwise the framework script is empty.
        builder.WebHost.UseStaticWebAssets();
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = Swedish.Culture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = Swedish.Culture;

        var services = builder.Services;
        // Static server rendering only: no interactive render mode is registered, so no circuit and no WebAssembly.
        services.AddRazorComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddHttpContextAccessor();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "samverkan.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = SessionCookie.SecurePolicy(builder.Environment);
        });
        // The gateway is the only way in (deploy/kubernetes network policies): trust what it forwards,
        // so redirects and the OpenID Connect callback name the public scheme and host.
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        builder.AddSignIn();
        builder.AddRegistryApi();
        return builder;
    }

    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseContentSecurityPolicy();
        app.UseRequestLocalization(options =>
        {
            options.SetDefaultCulture(Swedish.Culture.Name);
            options.AddSupportedCultures(Swedish.Culture.Name);
            options.AddSupportedUICultures(Swedish.Culture.Name);
            options.RequestCultureProviders.Clear();
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/sidan-finns-inte", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAppHealth();
        app.MapSignInEndpoints();
        app.MapContactEndpoints();
        app.MapRazorComponents<App>();
        return app;
    }
}
