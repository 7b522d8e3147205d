using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Samverkan.Web.Api;
using Samverkan.Web.Auth;
using Samverkan.Web.Components.Shared;

namespace Samverkan.Web.Components;

/// <summary>
/// What every page has: the request (rendered on the server, so it is always there), the
/// signed-in user and the API client. Pages read the API in OnInitializedAsync; nothing is kept
/// between requests.
/// </summary>
public abstract class RegistryPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected RegistryApi Api { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    protected ClaimsPrincipal User => HttpContext.User;

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The page's own status (404 for an unknown id, 403 for a form the user may not use), set before anything is written.</summary>
    protected void Status(int status)
    {
        if (!HttpContext.Response.HasStarted)
        {
            HttpContext.Response.StatusCode = status;
        }
    }

    /// <summary>A write the API refused: its field errors next to the fields of <paramref name="form"/>, and its status as the page's.</summary>
    protected void ShowRefusal(WriteResult result, FormErrors errors, EditContext form)
    {
        if (result.Problem is { } problem)
        {
            errors.Set(problem, form);
        }
        Status(result.Status);
    }

    /// <summary>
    /// The status of a page or form this user may not use: 401 for the anonymous (signing in may
    /// help), 403 for the signed-in. The page then shows <c>NotAllowed</c> with the reason.
    /// </summary>
    protected void Refuse() => Status(User.IsSignedIn() ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
}
