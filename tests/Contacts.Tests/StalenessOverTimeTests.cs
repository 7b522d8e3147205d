extern alias ContactsService;

using System.Globalization;
using ContactsService::Samverkan.Contacts.Apis;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>
/// A contact goes stale as time passes, on the service's clock, which this class moves ahead by
/// months (its own fixture, so no other class sees the jump).
/// </summary>
public class StalenessOverTimeTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task A_contact_verified_today_is_not_stale_after_ten_months_and_is_stale_after_a_year()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var today = fixture.Clock.SwedishToday;
        var (contact, _) = await _client.CreateContactAsync(new
        {
            kind = "function", function = "Studierektor", institutionId, ownerInstitutionId = institutionId,
            verifiedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        fixture.Clock.Advance(TimeSpan.FromDays(300));
        var tenMonthsOn = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale");
        Assert.Equal(fixture.Clock.SwedishToday.AddMonths(-12), tenMonthsOn.VerifiedBefore);
        Assert.DoesNotContain(tenMonthsOn.Owners, owner => owner.OwnerInstitutionId == institutionId);

        // Twelve months after any date are at most 366 days.
        fixture.Clock.Advance(TimeSpan.FromDays(68));
        var aYearOn = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale");
        Assert.Equal([contact.Id], aYearOn.Owners.Single(owner => owner.OwnerInstitutionId == institutionId).Contacts.Select(c => c.Id));
    }
}
