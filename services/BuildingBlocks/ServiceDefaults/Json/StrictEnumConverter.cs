using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.ServiceDefaults.Json;

/// <summary>
/// Enums as their camelCase names, read exactly: the built-in JsonStringEnumConverter also takes
/// "UNIVERSITY", " university" and "university, college" (or'ed into another value), which the
/// public contract does not allow. Numbers are refused too.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>The one spelling of each enum value on the wire, for JSON and query strings alike.</summary>
public static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetValues<TEnum>().ToFrozenDictionary(value => NameOf(value), StringComparer.Ordinal);

    /// <summary>The allowed names, comma-separated, for error messages.</summary>
    public static string Allowed { get; } = string.Join(", ", Enum.GetValues<TEnum>().Select(NameOf));

    public static string NameOf(TEnum value) => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Exactly one of the names, in the same case, nothing around it.</summary>
    public static bool TryParse(string? name, out TEnum value) => ByName.TryGetValue(name ?? "", out value);
}

internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && EnumNames<TEnum>.TryParse(reader.GetString(), out var value)
            ? value
            : throw Invalid();

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(EnumNames<TEnum>.NameOf(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumNames<TEnum>.TryParse(reader.GetString(), out var value) ? value : throw Invalid();

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WritePropertyName(EnumNames<TEnum>.NameOf(value));

    private static JsonFieldException Invalid() => new($"One of: {EnumNames<TEnum>.Allowed}.");
}
