using Microsoft.AspNetCore.Components.Forms;
using Samverkan.Web.Api;

namespace Samverkan.Web.Components.Shared;

/// <summary>One input of a form: the API's path for it (<c>person.email</c>), its element id and the form model's property.</summary>
public sealed record FormField(string Path, string InputId, string Property);

/// <summary>
/// The API's field errors (problem+json <c>errors</c>, keyed by the field's path as sent) placed
/// next to the inputs they concern, and marked on the form's EditContext, so Blazor's inputs say
/// aria-invalid themselves. An error for a path the page has no input for is listed in the summary only.
/// </summary>
public sealed class FormErrors(params FormField[] fields)
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || errors.Count > 0;

    public void Set(ApiProblem problem, EditContext form)
    {
        errors = problem.Errors;
        Summary = problem.Detail ?? problem.Title;
        var store = new ValidationMessageStore(form);
        foreach (var field in fields)
        {
            store.Add(form.Field(field.Property), For(field.Path));
        }
        form.NotifyValidationStateChanged();
    }

    /// <summary>A refusal the page makes itself, before asking the API (a choice left out), shown as the API's would be.</summary>
    public void SetOne(string path, string message, string heading, EditContext form) =>
        Set(new ApiProblem(StatusCodes.Status400BadRequest, heading, null, new Dictionary<string, string[]> { [path] = [message] }), form);

    public IReadOnlyList<string> For(string path) => errors.TryGetValue(path, out var messages) ? messages : [];

    /// <summary>Every message with the input it belongs to (null: no input on this page), for the summary's links.</summary>
    public IEnumerable<(string? InputId, string Message)> All =>
        errors.SelectMany(entry => entry.Value.Select(message => (fields.FirstOrDefault(candidate => candidate.Path == entry.Key)?.InputId, message)));

    public string? DescribedBy(string path, string inputId) => For(path).Count > 0 ? $"{inputId}-error" : null;
}
