using Microsoft.AspNetCore.Builder;

namespace Samverkan.ServiceDefaults;

public static class ServiceHost
{
    /// <summary>
    /// A builder whose content root is the folder holding the service's binaries, so its
    /// appsettings.json and Seed/ files are found whatever directory the process starts in.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
