using System.Net;
using System.Text;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// Erasure reaches the disk: SQLite's secure_delete overwrites the deleted row, the WAL
/// checkpoint after a replace or delete moves the old page images out of the log, and events
/// still waiting in the outbox lose the person's data in the same commit. The service keeps
/// running while its files are read. A correction is history (the change feed keeps it) until
/// the contact is erased, so erasure is what is checked here. The tombstone erasure leaves, and
/// the audit records of the contact's changes, hold none of it either.
/// </summary>
public class ContactErasureTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>A unique ASCII text: storage JSON escapes non-ASCII letters and some signs (å, +), which a byte search would then miss.</summary>
    private static string Marker(string what) => $"{what} {Guid.NewGuid():N}";

    [Fact]
    public async Task Erasing_a_person_leaves_their_name_e_mail_phone_and_note_in_none_of_the_data_files()
    {
        var name = Marker("Raderbar Person");
        var note = Marker("Reachable after lunch, ask for");
        var email = $"{Guid.NewGuid():N}@example.se";
        var phone = $"010-{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var (created, etag) = await _client.CreateContactAsync(new
        {
            kind = "person",
            institutionId = await fixture.CreateInstitutionAsync(),
            person = new { name, email, phone },
            note,
        });
        // The search itself must see the data before the delete, or its silence after proves nothing.
        Assert.Equal(new[] { name, email, phone, note }.Order(StringComparer.Ordinal), FilesContaining(name, email, phone, note).Keys.Order(StringComparer.Ordinal));

        using (var deleted = await _client.SendContactAsync(HttpMethod.Delete, $"/api/contacts/{created.Id}", ifMatch: etag))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await _client.GetAsync($"/api/contacts/{created.Id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.Gone);
        Assert.Empty(FilesContaining(name, email, phone, note));
    }

    [Fact]
    public async Task Erasing_a_person_whose_name_was_corrected_leaves_neither_name_in_the_data_files()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var oldName = Marker("Felstavad Person");
        var newName = Marker("Rattstavad Person");
        var (created, etag) = await _client.CreateContactAsync(new { kind = "person", institutionId, person = new { name = oldName } });
        using (var corrected = await _client.SendContactAsync(HttpMethod.Put, $"/api/contacts/{created.Id}",
            new { kind = "person", institutionId, person = new { name = newName } }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        }
        Assert.NotEmpty(FilesContaining(newName));

        using (var deleted = await _client.DeleteAsync($"/api/contacts/{created.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        Assert.Empty(FilesContaining(oldName, newName));
    }

    /// <summary>Which of the texts occur, as UTF-8 bytes, in which files under the data directory.</summary>
    private Dictionary<string, List<string>> FilesContaining(params string[] texts)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(fixture.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = ReadShared(path);
            foreach (var text in texts.Where(text => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0))
            {
                if (!found.TryGetValue(text, out var files))
                {
                    found[text] = files = [];
                }
                files.Add(Path.GetRelativePath(fixture.DataDirectory, path));
            }
        }
        return found;
    }

    /// <summary>Reads a file the running service holds open for writing.</summary>
    private static byte[] ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }
}
