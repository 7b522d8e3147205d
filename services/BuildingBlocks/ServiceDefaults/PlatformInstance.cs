using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Samverkan.ServiceDefaults;

/// <summary>
/// Puts <c>Platform:InstanceId</c> (set by the local launcher) on /health answers as
/// <c>Samverkan-Instance</c>, so the launcher knows the process answering on a port is its own
/// and not another platform's that took the same port. A startup filter, so it runs first in
/// every process, gateway included, without each Program.cs asking for it.
/// </summary>
internal sealed class PlatformInstance(IConfiguration configuration) : IStartupFilter
{
    public const string Header = "Samverkan-Instance";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (configuration["Platform:InstanceId"] is { Length: > 0 } instance)
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path.StartsWithSegments("/health"))
                {
                    context.Response.Headers[Header] = instance;
                }
                return nextMiddleware(context);
            });
        }
        next(app);
    };
}
