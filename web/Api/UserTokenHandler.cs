using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Samverkan.Web.Auth;

namespace Samverkan.Web.Api;

/// <summary>
/// Sends the signed-in user's own access token with every API call (none for anonymous
/// visitors), read from the server-side session. The token is never logged or shown.
/// </summary>
public sealed class UserTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && context.User.IsSignedIn()
            && await context.GetTokenAsync(SignInExtensions.AccessToken) is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
