extern alias ContactsService;

using System.Net;
using ContactsService::Samverkan.Contacts.Events;
using ContactsService::Samverkan.Contacts.Model;
using Samverkan.Events;
using Samverkan.TestSupport;
using static ContactsService::Samverkan.Contacts.Model.ContactBounds;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// The largest contact <see cref="ContactBounds"/> allow, every text at its longest in the
/// characters JSON escapes worst, is accepted by the real service and makes a small event.
/// </summary>
public sealed class LargestContactEventTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public async Task The_largest_valid_contact_is_accepted_and_its_event_stays_under_a_quarter_of_the_event_limit()
    {
        var text = await EventSize.WorstTextAsync();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var body = new
        {
            kind = "person",
            function = text(FunctionLength),
            institutionId = "umea-universitet",
            ownerInstitutionId = "umea-universitet",
            person = new
            {
                name = text(PersonNameLength),
                title = text(PersonTitleLength),
                organisation = text(PersonOrganisationLength),
                // No whitespace in an address: '"' is the worst JSON escape left for it.
                email = "W" + new string('"', EmailLength - "W@example.se".Length) + "@example.se",
                phone = "+46 " + new string('1', PhoneLength - 4),
            },
            validFrom = new DateOnly(1900, 1, 1),
            validTo = new DateOnly(2100, 12, 31),
            verifiedOn = yesterday,
            note = text(NoteLength),
        };

        using var response = await fixture.Client.PostJsonAsync("/api/contacts", body);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadJsonAsync<ContactResponse>();
        Assert.Equal(NoteLength, created.Note!.Length);
        var contact = new Contact
        {
            Id = created.Id,
            Kind = created.Kind,
            Function = created.Function,
            ForumId = created.ForumId,
            InstitutionId = created.InstitutionId,
            Person = created.Person,
            OwnerInstitutionId = created.OwnerInstitutionId,
            ValidFrom = created.ValidFrom,
            ValidTo = created.ValidTo,
            VerifiedOn = created.VerifiedOn,
            Note = created.Note,
        };
        var bytes = await EventSize.OutboxBytesAsync(ContactEvents.Announce(ContactEvents.Created, contact, created.Version));
        Assert.True(bytes < OneMiB, $"The largest contact's event has {bytes} bytes.");
        Assert.True(bytes < EventLimits.MaxEventBytes);
    }

    [Theory]
    [InlineData("validFrom", "0001-01-01")]
    [InlineData("validTo", "9999-12-31")]
    [InlineData("verifiedOn", "1899-12-31")]
    public async Task A_date_outside_the_registry_range_is_refused_naming_the_field(string field, string date)
    {
        var body = new Dictionary<string, object> { ["kind"] = "function", ["function"] = "Chair", ["forumId"] = "rur", [field] = date };

        using var response = await fixture.Client.PostJsonAsync("/api/contacts", body);

        await ProblemAssert.NamesFieldsAsync(response, field);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u200B\u200B")]
    [InlineData(" \u0007\t")]
    public async Task A_function_of_only_control_or_zero_width_characters_counts_as_missing(string function)
    {
        using var response = await fixture.Client.PostJsonAsync("/api/contacts", new { kind = "function", function, forumId = "rur" });

        await ProblemAssert.NamesFieldsAsync(response, "function");
    }
}
