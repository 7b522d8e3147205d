using Microsoft.Extensions.Localization;

namespace Samverkan.Web.Formatting;

public static class TextExtensions
{
    /// <summary>An API enumeration value in Swedish (<c>ForumStatus_dormant</c> in Texts.resx), or the value itself if it is new to the app.</summary>
    public static string Value(this IStringLocalizer texts, string type, string? value)
    {
        if (value is null)
        {
            return "";
        }
        var text = texts[$"{type}_{value}"];
        return text.ResourceNotFound ? value : text.Value;
    }

    public static string Format(this IStringLocalizer texts, string key, params object?[] arguments) =>
        string.Format(Swedish.Culture, texts[key].Value, arguments);
}
