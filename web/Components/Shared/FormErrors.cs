using Samverkan.Web.Api;

namespace Samverkan.Web.Components.Shared;

/// <summary>
/// The API's field errors (problem+json <c>errors</c>, keyed by the field's path as sent) placed
/// next to the inputs they concern: each page names which path belongs to which input id.
/// Anything the page has no input for is shown in the summary at the top.
/// </summary>
public sealed class FormErrors(IReadOnlyDictionary<string, string> inputIdByPath)
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || errors.Count > 0;

    public void Set(ApiProblem problem)
    {
        errors = problem.Errors;
        Summary = problem.Detail ?? problem.Title;
    }

    public void Clear()
    {
        errors = new Dictionary<string, string[]>();
        Summary = null;
    }

    public IReadOnlyList<string> For(string path) => errors.TryGetValue(path, out var messages) ? messages : [];

    /// <summary>Every message with the input it belongs to (null: no input on this page), for the summary's links.</summary>
    public IEnumerable<(string? InputId, string Message)> All =>
        errors.SelectMany(entry => entry.Value.Select(message => (inputIdByPath.GetValueOrDefault(entry.Key), $"{message}")));

    public string? DescribedBy(string path, string inputId) => For(path).Count > 0 ? $"{inputId}-error" : null;

    public string? Invalid(string path) => For(path).Count > 0 ? "true" : null;
}
