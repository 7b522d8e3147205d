namespace Samverkan.Web.Auth;

/// <summary>The browser holds one opaque session cookie; the user's tokens stay on the server (<see cref="MemoryTicketStore"/>).</summary>
public static class SessionCookie
{
    public const string Name = "samverkan.session";

    /// <summary>
    /// Secure outside Development: the local platform and the browser tests are plain HTTP on
    /// 127.0.0.1 (a loopback address), while every real deployment is reached over TLS.
    /// </summary>
    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
