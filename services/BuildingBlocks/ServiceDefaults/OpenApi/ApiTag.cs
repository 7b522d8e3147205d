using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Samverkan.ServiceDefaults.OpenApi;

/// <summary>
/// A group of operations in the documents, named and described in one place: a tag is declared
/// once as a value and put on its routes with <see cref="ApiTagExtensions.WithTag{TBuilder}"/>,
/// so no route names a tag its document cannot describe.
/// </summary>
public sealed record ApiTag(string Name, string Description) : ITagsMetadata
{
    IReadOnlyList<string> ITagsMetadata.Tags => [Name];
}

public static class ApiTagExtensions
{
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, ApiTag tag) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(tag);
}

/// <summary>Gives each tag in the document the description its <see cref="ApiTag"/> declares.</summary>
internal sealed class ApiTagDescriptions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.DescriptionGroups
            .SelectMany(group => group.Items)
            .SelectMany(description => description.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .DistinctBy(tag => tag.Name)
            .ToDictionary(tag => tag.Name, tag => tag.Description);
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && declared.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        return Task.CompletedTask;
    }
}
