extern alias ContactsService;

using System.Net;
using ContactsService::Samverkan.Contacts.Apis;
using Samverkan.TestSupport;

namespace Samverkan.Contacts.Tests;

/// <summary>Contacts nobody has confirmed for a while, per owner, and confirming one in a single call.</summary>
public class StaleContactsTests(ContactsFixture fixture) : IClassFixture<ContactsFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task The_seeded_contacts_verified_in_2018_are_stale_today_grouped_by_owner_with_unowned_ones_last()
    {
        var stale = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale");

        Assert.Equal(12, stale.OlderThanMonths);
        Assert.Equal(fixture.Clock.SwedishToday.AddMonths(-12), stale.VerifiedBefore);
        Assert.Null(stale.Owners[^1].OwnerInstitutionId);
        Assert.Single(stale.Owners, owner => owner.OwnerInstitutionId is null);
        var nrf = stale.Owners.Single(owner => owner.OwnerInstitutionId == "norrlandstingens-regionforbund");
        Assert.Contains(nrf.Contacts, contact => contact.Id == "nrf-director");
        Assert.Contains(stale.Owners[^1].Contacts, contact => contact.Id == "fui-radet-chair");
        Assert.Equal(stale.Total, stale.Owners.Sum(owner => owner.Contacts.Count));
    }

    [Fact]
    public async Task A_contact_verified_within_the_period_asked_for_is_not_stale()
    {
        var months = ContactsMonthsSince(new DateOnly(2018, 10, 24)) + 1;

        var stale = await _client.GetJsonAsync<StaleContacts>($"/api/contacts/stale?olderThanMonths={months}");

        Assert.DoesNotContain(stale.Owners.SelectMany(owner => owner.Contacts), contact => contact.Id == "usb-secretary");
    }

    [Fact]
    public async Task Verifying_a_stale_contact_is_one_call_and_takes_it_off_the_list()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (contact, _) = await _client.CreateContactAsync(new
        {
            kind = "function", function = "Studierektor", institutionId, ownerInstitutionId = institutionId, verifiedOn = "2019-01-31",
        });
        var before = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale");
        Assert.Equal([contact.Id], before.Owners.Single(owner => owner.OwnerInstitutionId == institutionId).Contacts.Select(c => c.Id));

        using (var verify = await _client.PostAsync($"/api/contacts/{contact.Id}/verify", null))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }

        var after = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale");
        Assert.DoesNotContain(after.Owners, owner => owner.OwnerInstitutionId == institutionId);
    }

    [Fact]
    public async Task Asked_for_one_owner_the_list_holds_only_that_owners_stale_contacts()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (mine, _) = await _client.CreateContactAsync(new
        {
            kind = "function", function = "Utbildningsledare", institutionId, ownerInstitutionId = institutionId, verifiedOn = "2019-01-31",
        });

        var stale = await _client.GetJsonAsync<StaleContacts>($"/api/contacts/stale?owner={institutionId}");

        var owner = Assert.Single(stale.Owners);
        Assert.Equal(institutionId, owner.OwnerInstitutionId);
        Assert.Equal([mine.Id], owner.Contacts.Select(c => c.Id));
        Assert.Equal(1, stale.Total);
        Assert.Equal(fixture.Clock.SwedishToday.AddMonths(-12), stale.VerifiedBefore);
    }

    [Fact]
    public async Task A_contact_never_verified_is_stale_whatever_the_period()
    {
        var institutionId = await fixture.CreateInstitutionAsync();
        var (contact, _) = await _client.CreateContactAsync(new { kind = "function", function = "Rektor", institutionId, ownerInstitutionId = institutionId });

        var stale = await _client.GetJsonAsync<StaleContacts>("/api/contacts/stale?olderThanMonths=1200");

        Assert.Contains(stale.Owners.Single(owner => owner.OwnerInstitutionId == institutionId).Contacts, c => c.Id == contact.Id);
    }

    [Fact]
    public async Task An_owner_longer_than_any_id_is_a_problem_naming_it()
    {
        using var response = await _client.GetAsync($"/api/contacts/stale?owner={new string('x', 101)}");

        await ProblemAssert.NamesFieldsAsync(response, "owner");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1201")]
    public async Task A_period_out_of_range_is_a_problem_naming_it(string months)
    {
        using var response = await _client.GetAsync($"/api/contacts/stale?olderThanMonths={months}");

        await ProblemAssert.NamesFieldsAsync(response, "olderThanMonths");
    }

    private int ContactsMonthsSince(DateOnly date)
    {
        var today = fixture.Clock.SwedishToday;
        return ((today.Year - date.Year) * 12) + today.Month - date.Month;
    }
}
