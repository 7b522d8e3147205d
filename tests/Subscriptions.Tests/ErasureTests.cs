using System.Net;
using System.Text;
using System.Text.Json;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// The feed keeps a contact's changes as history until the contact is erased; then the
/// person's data leaves the earlier events, and the Subscriptions database files, too.
/// </summary>
[Collection(ContactsCollection.Name)]
public class ErasureTests(ContactsFixture fixture)
{
    [Fact]
    public async Task Erasing_a_contact_removes_the_person_from_its_earlier_events_in_the_feed_and_from_the_files()
    {
        var contacts = fixture.ClientFor("contacts");
        var name = $"Raderbar Person {Guid.NewGuid():N}";
        var email = $"{Guid.NewGuid():N}@example.se";
        using var created = await contacts.PostJsonAsync("/api/contacts", new
        {
            kind = "person",
            institutionId = await fixture.CreateInstitutionAsync(),
            person = new { name, email },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var before = await fixture.Client.WaitForChangeAsync(id, "samverkan.contact.created.v1");
        Assert.Equal(name, before.GetProperty("data").GetProperty("person").GetProperty("name").GetString());
        Assert.NotEmpty(FilesContaining(name, email));

        await EraseAsync(contacts, id);
        var tombstone = await fixture.Client.WaitForChangeAsync(id, "samverkan.contact.erased.v1");

        Assert.True(tombstone.GetProperty("data").GetProperty("deleted").GetBoolean());
        var history = (await fixture.Client.ReadChangesAsync("samverkan.contact.*")).Where(e => e.GetProperty("subject").GetString() == id).ToList();
        Assert.Equal(["samverkan.contact.created.v1", "samverkan.contact.erased.v1"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("data").GetProperty("person").ValueKind);
        Assert.Equal(id, history[0].GetProperty("data").GetProperty("id").GetString());
        Assert.Empty(FilesContaining(name, email));
    }

    /// <summary>
    /// A 409 means another write landed first (here: the producer's relay trimming the outbox
    /// records the erasure redacts) and the API conventions say to retry.
    /// </summary>
    private static async Task EraseAsync(HttpClient contacts, string id)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var erased = await contacts.DeleteAsync($"/api/contacts/{id}");
            if (erased.StatusCode != HttpStatusCode.Conflict || attempt == 5)
            {
                Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
                return;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>Which texts occur in the Subscriptions service's database files (read while it runs).</summary>
    private List<string> FilesContaining(params string[] texts) =>
        Directory.EnumerateFiles(fixture.DataDirectory, "subscriptions.db*")
            .Where(path =>
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return texts.Any(text => copy.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0);
            })
            .Select(Path.GetFileName)
            .ToList()!;
}
