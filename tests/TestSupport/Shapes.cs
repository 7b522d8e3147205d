using System.Text.Json;
using Xunit;

namespace Samverkan.TestSupport;

/// <summary>
/// The shapes one resource takes (what a client sends, what is stored, what is read), compared
/// by property name: a field added to one shape, or left out of a mapping between them, fails a
/// test instead of silently dropping a value.
/// </summary>
public static class Shapes
{
    /// <summary>The public properties of <typeparamref name="T"/>, in declaration order (the JSON order).</summary>
    public static List<string> Names<T>() => [.. typeof(T).GetProperties().Select(property => property.Name)];

    /// <summary>
    /// Every property of <paramref name="sent"/> is set (not null, not an empty list) and has the
    /// same value in each of <paramref name="mapped"/>, compared as JSON; <paramref name="except"/>
    /// names properties a test compares itself (their types differ between the shapes).
    /// </summary>
    public static void AssertCarried(object sent, IReadOnlyCollection<string> except, params object[] mapped)
    {
        foreach (var name in sent.GetType().GetProperties().Select(property => property.Name).Except(except))
        {
            var value = Value(sent, name);
            Assert.False(value is null or "[]", $"The sample leaves {name} unset.");
            foreach (var shape in mapped)
            {
                Assert.True(value == Value(shape, name), $"{name}: sent {value}, {shape.GetType().Name} has {Value(shape, name)}.");
            }
        }
    }

    private static string? Value(object shape, string name) =>
        shape.GetType().GetProperty(name)?.GetValue(shape) is { } value ? JsonSerializer.Serialize(value) : null;
}
