using System.Text.Json.Nodes;
using Samverkan.Web.Api;
using Samverkan.Web.Components.Shared;

namespace Samverkan.Web.Components.Pages.Subscriptions;

/// <summary>
/// A subscription's changeable fields as its edit form holds them: where it delivers, which event
/// types, what it is for, and whether deliveries run. The secret is not among them: it is rotated.
/// </summary>
public sealed class SubscriptionForm
{
    public string? Url { get; set; }

    /// <summary>One pattern per line or separated by commas; none means every type.</summary>
    public string? Types { get; set; }

    public string? Description { get; set; }
    public bool Enabled { get; set; }
    public int Version { get; set; }

    /// <summary>The values as read (<see cref="SeenValues"/>), to tell on a conflict what someone else changed.</summary>
    public string? Seen { get; set; }

    public IReadOnlyList<string> TypeList => Split(Types);

    public static SubscriptionForm Of(Subscription subscription)
    {
        var form = new SubscriptionForm
        {
            Url = subscription.Url,
            Types = string.Join('\n', subscription.Types),
            Description = subscription.Description,
            Enabled = subscription.Enabled,
            Version = subscription.Version,
        };
        form.Seen = SeenValues.Encode(form.Url, form.Types, form.Description, EnabledText(form.Enabled));
        return form;
    }

    public static SubscriptionForm Decode(string? seen)
    {
        var values = SeenValues.Decode(seen, 4);
        return new SubscriptionForm { Url = values[0], Types = values[1], Description = values[2], Enabled = values[3] == EnabledText(true) };
    }

    /// <summary>A merge patch of the fields the user changed against what the form was read with.</summary>
    public JsonObject Patch()
    {
        var seen = Decode(Seen);
        var patch = new JsonObject();
        if (ChangedField.Blank(Url) != ChangedField.Blank(seen.Url))
        {
            patch["url"] = ChangedField.Blank(Url);
        }
        if (!TypeList.SequenceEqual(seen.TypeList, StringComparer.Ordinal))
        {
            patch["types"] = new JsonArray([.. TypeList.Select(type => (JsonNode)type)]);
        }
        if (ChangedField.Blank(Description) != ChangedField.Blank(seen.Description))
        {
            patch["description"] = ChangedField.Blank(Description);
        }
        if (Enabled != seen.Enabled)
        {
            patch["enabled"] = Enabled;
        }
        return patch;
    }

    /// <summary>The fields someone else changed since <paramref name="seen"/>, with what this user entered.</summary>
    public IReadOnlyList<ChangedField> Conflicts(SubscriptionForm seen, SubscriptionForm now, Func<string, string> label) =>
        ChangedField.Between(
            new(label("SubscriptionNew_Url"), seen.Url, now.Url, ChangedField.Entered(seen.Url, Url)),
            new(label("SubscriptionNew_Types"), seen.Types, now.Types, ChangedField.Entered(seen.Types, Types)),
            new(label("SubscriptionNew_Description"), seen.Description, now.Description, ChangedField.Entered(seen.Description, Description)),
            new(label("SubscriptionEdit_Enabled"), EnabledText(seen.Enabled), EnabledText(now.Enabled),
                ChangedField.Entered(EnabledText(seen.Enabled), EnabledText(Enabled))));

    /// <summary>After a conflict: the user's changes stay, untouched fields take the stored values, and the next save builds on the stored version.</summary>
    public void Merge(SubscriptionForm seen, SubscriptionForm now)
    {
        Url = ChangedField.Kept(seen.Url, Url, now.Url);
        Types = ChangedField.Kept(seen.Types, Types, now.Types);
        Description = ChangedField.Kept(seen.Description, Description, now.Description);
        Enabled = Enabled == seen.Enabled ? now.Enabled : Enabled;
        Version = now.Version;
        Seen = now.Seen;
    }

    private static string EnabledText(bool enabled) => enabled ? "på" : "av";

    /// <summary>Event type patterns as a person types them: one per line or separated by commas.</summary>
    public static IReadOnlyList<string> Split(string? types) =>
        (types ?? "").Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
