using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Samverkan.Local;
using Samverkan.TestSupport;

namespace Samverkan.Client.Tests;

/// <summary>
/// Request adapters for the Kiota clients generated from the committed OpenAPI documents, set up
/// as a partner would: the gateway as base address and a bearer token on every request.
/// </summary>
public static class GeneratedClients
{
    public static HttpClientRequestAdapter Adapter(PlatformFixture platform, TokenRequest caller) =>
        new(new BearerToken(platform.Token(caller)))
        {
            BaseUrl = platform.Platform.GatewayUrl.GetLeftPart(UriPartial.Authority),
        };

    /// <summary>Kiota's own bearer provider needs an access-token provider and https; the test platform is plain http on loopback.</summary>
    private sealed class BearerToken(string token) : IAuthenticationProvider
    {
        public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
            CancellationToken cancellationToken = default)
        {
            request.Headers.Add("Authorization", $"Bearer {token}");
            return Task.CompletedTask;
        }
    }
}
