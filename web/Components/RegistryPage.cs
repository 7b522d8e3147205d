using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Samverkan.Web.Api;

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

    /// <summary>Sign in, then come back here.</summary>
    protected string SignInHref => $"{Auth.SignInExtensions.SignInPath}?returnUrl={Uri.EscapeDataString(new Uri(Navigation.Uri).PathAndQuery)}";
}
