namespace Samverkan.Forums.Coverage;

/// <summary>
/// The periods the coverage answers use, from configuration: <c>Coverage:DormantAfterMonths</c>
/// (a forum with no recorded meeting for this long before the date asked about is dormant) and
/// <c>Coverage:ContactStaleAfterMonths</c> (a contact point verified longer ago than this is
/// flagged in a reach plan). Both default to 12.
/// </summary>
public sealed record CoverageOptions(int DormantAfterMonths, int ContactStaleAfterMonths)
{
    public static CoverageOptions From(IConfiguration configuration)
    {
        var options = new CoverageOptions(
            configuration.GetValue("Coverage:DormantAfterMonths", 12),
            configuration.GetValue("Coverage:ContactStaleAfterMonths", 12));
        if (options.DormantAfterMonths < 1 || options.ContactStaleAfterMonths < 1)
        {
            throw new InvalidOperationException("Coverage:DormantAfterMonths and Coverage:ContactStaleAfterMonths must be at least 1.");
        }
        return options;
    }
}
