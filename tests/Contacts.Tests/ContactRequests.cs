extern alias ContactsService;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>Calls on /api/contacts that several test classes make.</summary>
internal static class ContactRequests
{
    public static async Task<(ContactResponse Contact, string ETag)> CreateContactAsync(this HttpClient client, object body)
    {
        using var response = await client.PostJsonAsync("/api/contacts", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync<ContactResponse>(), response.Headers.ETag!.Tag);
    }

    public static Task<HttpResponseMessage> SendContactAsync(this HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: JsonHttp.Options) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }
        return client.SendAsync(request);
    }
}
