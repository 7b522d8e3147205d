using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Samverkan.Web.Auth;

/// <summary>
/// Sign-in sessions kept in this process's memory: the cookie carries a random key only, and the
/// ticket with the user's access token never leaves the server. A restart signs everyone out,
/// and a second replica would not know the first one's sessions (docs/web.md).
/// </summary>
public sealed class MemoryTicketStore(IMemoryCache cache) : ITicketStore
{
    private static readonly TimeSpan Idle = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Put(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Put(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(cache.TryGetValue(key, out AuthenticationTicket? ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        cache.Remove(key);
        return Task.CompletedTask;
    }

    private void Put(string key, AuthenticationTicket ticket)
    {
        var expires = ticket.Properties.ExpiresUtc;
        var options = new MemoryCacheEntryOptions { SlidingExpiration = Idle };
        if (expires is not null)
        {
            options.AbsoluteExpiration = expires;
        }
        cache.Set(key, ticket, options);
    }
}

/// <summary>Gives the cookie handler its session store once the container can build it.</summary>
internal sealed class SessionStoreSetup(ITicketStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options) => options.SessionStore = store;
}
