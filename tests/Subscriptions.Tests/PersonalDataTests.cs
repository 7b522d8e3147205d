using System.Text.Json;
using Samverkan.Local;
using Samverkan.Subscriptions.Tests.Support;
using Samverkan.TestSupport;

namespace Samverkan.Subscriptions.Tests;

/// <summary>
/// Contact events are readable by anyone and delivered to any subscriber, but the person behind
/// the contact (and the note) only to those allowed to see personal data.
/// </summary>
[Collection(ContactsCollection.Name)]
public class PersonalDataTests(ContactsFixture fixture)
{
    private const string Created = "samverkan.contact.created.v1";

    [Fact]
    public async Task The_feed_shows_the_person_in_contact_events_only_to_callers_allowed_to_see_it()
    {
        var (id, name, email, note) = await fixture.CreatePersonAsync();
        await fixture.Client.WaitForChangeAsync(id, Created);
        var (_, plainKey) = await fixture.Client.CreateApiKeyAsync(AccessClient.NewPartner());
        var (_, personalKey) = await fixture.Client.CreateApiKeyAsync(AccessClient.NewPartner(), personalData: true);
        using var plainKeyClient = AccessClient.KeyClient(fixture.Platform.RestUrl("subscriptions"), plainKey);
        using var personalKeyClient = AccessClient.KeyClient(fixture.Platform.RestUrl("subscriptions"), personalKey);

        HttpClient[] withoutRight = [fixture.AnonymousClient, fixture.ClientAs(TokenRequest.PartnerSystem("utan-ratt")), plainKeyClient];
        HttpClient[] withRight =
        [
            fixture.Client,
            fixture.ClientAs(TokenRequest.Editor("uu")),
            fixture.ClientAs(TokenRequest.PartnerSystem("med-ratt", personalData: true)),
            personalKeyClient,
        ];

        foreach (var client in withoutRight)
        {
            var change = await client.WaitForChangeAsync(id, Created);
            Assert.Equal(JsonValueKind.Null, change.GetProperty("data").GetProperty("person").ValueKind);
            Assert.Equal(JsonValueKind.Null, change.GetProperty("data").GetProperty("note").ValueKind);
            Assert.Equal(id, change.GetProperty("data").GetProperty("id").GetString());
            var raw = change.GetRawText();
            Assert.DoesNotContain(name, raw);
            Assert.DoesNotContain(email, raw);
            Assert.DoesNotContain(note, raw);
        }
        foreach (var client in withRight)
        {
            var data = (await client.WaitForChangeAsync(id, Created)).GetProperty("data");
            Assert.Equal(name, data.GetProperty("person").GetProperty("name").GetString());
            Assert.Equal(email, data.GetProperty("person").GetProperty("email").GetString());
            Assert.Equal(note, data.GetProperty("note").GetString());
        }
    }

    [Fact]
    public async Task The_stream_shows_the_person_in_contact_events_only_to_callers_allowed_to_see_it()
    {
        var end = await fixture.Client.FeedEndAsync();
        var (id, name, _, _) = await fixture.CreatePersonAsync();

        var anonymous = await FirstStreamedAboutAsync(fixture.AnonymousClient, end, id);
        var staff = await FirstStreamedAboutAsync(fixture.Client, end, id);

        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("data").GetProperty("person").ValueKind);
        Assert.Equal(name, staff.GetProperty("data").GetProperty("person").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Webhooks_deliver_the_person_in_contact_events_only_to_subscriptions_allowed_it()
    {
        await using var plain = await WebhookReceiver.StartAsync();
        await using var personal = await WebhookReceiver.StartAsync();
        await using var ownedByStaff = await WebhookReceiver.StartAsync();
        var types = new[] { "samverkan.contact.*" };
        await fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner())).CreateSubscriptionAsync(new { url = plain.Url.ToString(), types });
        await fixture.ClientAs(TokenRequest.PartnerSystem(AccessClient.NewPartner(), personalData: true))
            .CreateSubscriptionAsync(new { url = personal.Url.ToString(), types });
        await fixture.Client.CreateSubscriptionAsync(new { url = ownedByStaff.Url.ToString(), types });

        var (id, name, email, note) = await fixture.CreatePersonAsync();

        var withoutPerson = await DeliveredAboutAsync(plain, id);
        var withPerson = await DeliveredAboutAsync(personal, id);
        var staffs = await DeliveredAboutAsync(ownedByStaff, id);
        Assert.Equal(JsonValueKind.Null, withoutPerson.Event.GetProperty("data").GetProperty("person").ValueKind);
        Assert.DoesNotContain(name, withoutPerson.Body);
        Assert.DoesNotContain(email, withoutPerson.Body);
        Assert.DoesNotContain(note, withoutPerson.Body);
        Assert.Equal(name, withPerson.Event.GetProperty("data").GetProperty("person").GetProperty("name").GetString());
        Assert.Equal(note, withPerson.Event.GetProperty("data").GetProperty("note").GetString());
        Assert.Equal(name, staffs.Event.GetProperty("data").GetProperty("person").GetProperty("name").GetString());
        Assert.Equal(withPerson.Id, withoutPerson.Id);
    }

    private static async Task<ReceivedWebhook> DeliveredAboutAsync(WebhookReceiver receiver, string subject)
    {
        await receiver.WaitUntilAsync(received => received.Any(r => r.Subject == subject), $"the delivery about {subject}");
        return receiver.Received.First(r => r.Subject == subject);
    }

    private static async Task<JsonElement> FirstStreamedAboutAsync(HttpClient client, long after, string subject)
    {
        using var response = await client.GetAsync($"/api/changes/stream?after={after}&types={Created}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var events = new EventStreamReader(await response.Content.ReadAsStreamAsync());
        while (await events.NextAsync(TimeSpan.FromSeconds(20)) is { } next)
        {
            var cloudEvent = JsonDocument.Parse(next.Data).RootElement.Clone();
            if (cloudEvent.GetProperty("subject").GetString() == subject)
            {
                return cloudEvent;
            }
        }
        throw new Xunit.Sdk.XunitException($"The stream went quiet before an event about {subject}.");
    }
}
