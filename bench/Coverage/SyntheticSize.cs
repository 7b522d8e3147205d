namespace Samverkan.Bench.Coverage;

/// <summary>
/// How large a synthetic registry to write (<c>--scale</c>, <c>--forums</c>, <c>--contacts</c>), with one
/// set of defaults for every benchmark that writes one, so "100 times the seed" is the same registry in each.
/// </summary>
public sealed record SyntheticSize(int Scale, int Forums, int Contacts)
{
    public static SyntheticSize From(string[] args)
    {
        var arguments = new BenchOptions(args);
        return new(arguments.Number("--scale", 100), arguments.Number("--forums", 10_000), arguments.Number("--contacts", 100_000));
    }
}
