namespace Samverkan.Web.Api;

public static class ApiExtensions
{
    /// <summary>The typed client for the API at <c>Api:BaseAddress</c> (the gateway).</summary>
    public static WebApplicationBuilder AddRegistryApi(this WebApplicationBuilder builder)
    {
        var baseAddress = builder.Configuration["Api:BaseAddress"]
            ?? throw new InvalidOperationException("Api:BaseAddress is not set: the web app reaches the registry through the gateway at that address.");
        builder.Services.AddTransient<UserTokenHandler>();
        builder.Services.AddHttpClient<RegistryApi>(client =>
        {
            client.BaseAddress = new Uri(baseAddress.TrimEnd('/') + "/");
            client.Timeout = TimeSpan.FromSeconds(15);
        }).AddHttpMessageHandler<UserTokenHandler>();
        return builder;
    }
}
