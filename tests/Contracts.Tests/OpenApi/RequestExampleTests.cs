namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>Every request body in every document carries an example that its own schema accepts.</summary>
[Collection(OpenApiCollection.Name)]
public sealed class RequestExampleTests(OpenApiPlatform platform)
{
    public static TheoryData<string> Documents => new(OpenApiPlatform.DocumentNames);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_request_body_has_an_example_its_schema_accepts(string name)
    {
        var document = await platform.DocumentAsync(name);
        var failures = new List<string>();
        foreach (var (template, item) in document["paths"]?.AsObject() ?? [])
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (mediaType, media) in operation?["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    var where = $"{method.ToUpperInvariant()} {template} ({mediaType})";
                    if (media?["example"] is not { } example)
                    {
                        failures.Add($"{where}: no example.");
                    }
                    else if (DocumentSchemas.Check(document, media["schema"]!, example) is { } errors)
                    {
                        failures.Add($"{where}: the example does not match the schema:\n{errors}");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
