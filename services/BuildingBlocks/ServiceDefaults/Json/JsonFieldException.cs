using System.Text.Json;

namespace Samverkan.ServiceDefaults.Json;

/// <summary>
/// A refusal of the strict API JSON whose message is meant for the client. System.Text.Json
/// sets <see cref="JsonException.Path"/> to where it was reading; <see cref="Member"/>, when
/// set, is the part below that path the refusal is about (e.g. <c>participants[2]</c>).
/// </summary>
public sealed class JsonFieldException(string message, string? member = null) : JsonException(message)
{
    public string? Member { get; } = member;
}
