extern alias ContactsService;

using System.Text.Json;
using ContactsService::Samverkan.Contacts.Model;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Two contacts are the same when every field is: compared as JSON, since a record's equality
/// compares its lists (<c>alsoReachesForumIds</c>) by reference.
/// </summary>
internal static class ContactAssert
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static void Same(ContactResponse expected, ContactResponse actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));
}
