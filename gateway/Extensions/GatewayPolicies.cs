using Microsoft.AspNetCore.Authorization;

namespace Samverkan.Gateway.Extensions;

/// <summary>
/// Authorization policies that routes name in configuration (<c>ReverseProxy:Routes:*:AuthorizationPolicy</c>).
/// YARP refuses to load a route naming a policy that is not registered here.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>
    /// The public registry. For now every route names this policy and it lets anyone through, writes
    /// included: authentication arrives in a later issue, and then writes and personal data get
    /// policies of their own while this one stays open for reading.
    /// </summary>
    public const string PublicRead = "public-read";

    public static void AllowAnyone(AuthorizationPolicyBuilder policy) => policy.RequireAssertion(_ => true);
}
