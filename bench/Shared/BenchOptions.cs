using System.Globalization;

namespace Samverkan.Bench;

/// <summary>
/// The benchmarks' command line (<c>--name value</c>) and build, one rule for all of them. Compiled
/// into each benchmark (a linked source file), so none needs a project of its own for it.
/// </summary>
internal sealed class BenchOptions(string[] args)
{
    /// <summary>Whether this benchmark was built in Release, as its figures must be to be compared.</summary>
    public static bool IsRelease { get; } =
        Path.GetFileName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)) == "release";

    /// <summary>The number after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    /// <param name="name">The option, with its dashes.</param>
    /// <param name="fallback">The value when the option is absent.</param>
    public int Number(string name, int fallback) =>
        Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The full path after <paramref name="name"/>, or null when it is not given.</summary>
    /// <param name="name">The option, with its dashes.</param>
    public string? FullPath(string name) => Value(name) is { } text ? Path.GetFullPath(text) : null;

    private string? Value(string name) =>
        Array.IndexOf(args, name) is var index and >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
