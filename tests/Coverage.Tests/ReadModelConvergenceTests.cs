using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>All the processes as real processes, the Coverage service too, so a test may kill it mid-stream.</summary>
public sealed class CoverageProcessesFixture() : ServiceFixture("coverage", "regions", "institutions", "forums", "contacts");

/// <summary>
/// A property of the read model: after any sequence of changes in the producers, what it answers
/// (kept up to date event by event) equals what a model built from scratch from the producers'
/// snapshots answers, on several dates; also when the service is killed in the middle of the
/// stream and restarted. Random sequences from fixed seeds, so a failure can be replayed.
/// </summary>
public class ReadModelConvergenceTests(CoverageProcessesFixture fixture) : IClassFixture<CoverageProcessesFixture>
{
    private static readonly string[] Regions = ["norra", "sodra", "stockholm", "sydostra", "uppsala-orebro", "vastra"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task After_random_changes_the_incremental_answers_equal_a_from_scratch_computation(int seed)
    {
        await new RandomChanges(fixture.ClientFor, new Random(seed)).MakeAsync(40);

        await AssertConvergedAsync();
    }

    [Fact]
    public async Task After_a_kill_mid_stream_and_a_restart_the_answers_still_equal_a_from_scratch_computation()
    {
        var changes = new RandomChanges(fixture.ClientFor, new Random(13));
        await changes.MakeAsync(20);
        var writing = changes.MakeAsync(30);
        fixture.Platform.Kill("coverage");
        await writing;
        await fixture.Platform.RestartAsync("coverage");
        await changes.MakeAsync(10);

        await AssertConvergedAsync();
    }

    private async Task AssertConvergedAsync()
    {
        DateOnly[] dates = [new(2018, 10, 24), new(2021, 3, 1), DateOnly.FromDateTime(DateTime.UtcNow)];
        using var scratch = await ScratchModel.BuildAsync(fixture.Platform, TimeProvider.System);
        foreach (var date in dates)
        {
            var expected = scratch.Answers(date);
            string? last = null;
            await Eventually.TrueAsync(async () => (last = await ScratchModel.AnswersOfAsync(fixture.Client, Regions, date)) == expected,
                $"the answers on {date} to equal the from-scratch ones (last difference at {FirstDifference(last, expected)})");
        }
    }

    private static string FirstDifference(string? actual, string expected)
    {
        if (actual is null)
        {
            return "no answer";
        }
        var index = actual.Zip(expected).TakeWhile(pair => pair.First == pair.Second).Count();
        return $"{index}: …{actual[Math.Max(0, index - 80)..Math.Min(actual.Length, index + 80)]}… expected …{expected[Math.Max(0, index - 80)..Math.Min(expected.Length, index + 80)]}…";
    }
}
