using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// Example request bodies by input type, given by each service (<c>Apis/RequestExamples.cs</c>)
/// as typed values, so an example cannot name a field the input does not have, and written with
/// the API's own JSON options, so it reads exactly as a client must send it.
/// </summary>
public sealed class RequestExampleOptions
{
    internal Dictionary<Type, object> Examples { get; } = [];

    /// <summary>The example for every request body of type <typeparamref name="T"/>.</summary>
    public RequestExampleOptions Add<T>(T example) where T : notnull
    {
        Examples[typeof(T)] = example;
        return this;
    }
}

public static class RequestExampleExtensions
{
    /// <summary>Registers a service's request body examples for its OpenAPI document.</summary>
    public static IServiceCollection AddRequestExamples(this IServiceCollection services, Action<RequestExampleOptions> examples) =>
        services.Configure(examples);
}

/// <summary>Puts the registered example (<see cref="RequestExampleOptions"/>) on each JSON request body.</summary>
internal sealed class RequestExampleBodies : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = context.Description.ParameterDescriptions.FirstOrDefault(parameter => parameter.Source == BindingSource.Body);
        if (operation.RequestBody?.Content is not { } content || body is null)
        {
            return Task.CompletedTask;
        }
        var services = context.ApplicationServices;
        var examples = services.GetRequiredService<IOptions<RequestExampleOptions>>().Value.Examples;
        var type = Nullable.GetUnderlyingType(body.Type) ?? body.Type;
        if (!examples.TryGetValue(type, out var example))
        {
            return Task.CompletedTask;
        }
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
        {
            media.Example = JsonSerializer.SerializeToNode(example, type, json);
        }
        return Task.CompletedTask;
    }
}
