using Samverkan.Coverage.Analysis;

namespace Samverkan.Coverage.Tests;

public class SetCoverTests
{
    [Fact]
    public void The_answer_is_as_small_as_an_exhaustive_search_finds_on_random_registries()
    {
        var random = new Random(20181024);
        for (var round = 0; round < 300; round++)
        {
            var universe = random.Next(1, 14);
            var sets = Enumerable.Range(0, random.Next(1, 11))
                .Select(_ => (IReadOnlyCollection<int>)Enumerable.Range(0, universe).Where(_ => random.Next(3) == 0).ToList())
                .ToList();

            var result = SetCover.Solve(sets, universe);

            var reachable = sets.SelectMany(set => set).ToHashSet();
            Assert.True(reachable.SetEquals(result.Chosen.SelectMany(i => sets[i])), $"round {round} does not cover");
            Assert.Equal(Smallest(sets, reachable), result.Chosen.Count);
            Assert.True(result.Exact);
        }
    }

    [Fact]
    public void Greedy_alone_would_take_three_where_two_suffice()
    {
        // The classic trap: the big middle set is tempting, but the two halves cover everything.
        IReadOnlyCollection<int>[] sets = [[0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 7], [4, 5, 6, 8, 9], [7], [8, 9]];

        Assert.Equal([1, 2], SetCover.Solve(sets, 10).Chosen);
    }

    [Fact]
    public void Among_equally_small_answers_the_earlier_sets_win()
    {
        IReadOnlyCollection<int>[] sets = [[0, 1], [0, 1], [1, 0]];

        Assert.Equal([0], SetCover.Solve(sets, 2).Chosen);
    }

    private static int Smallest(List<IReadOnlyCollection<int>> sets, HashSet<int> universe)
    {
        for (var size = 0; ; size++)
        {
            for (var mask = 0; mask < 1 << sets.Count; mask++)
            {
                if (int.PopCount(mask) == size && universe.IsSubsetOf(Enumerable.Range(0, sets.Count).Where(i => (mask & (1 << i)) != 0).SelectMany(i => sets[i])))
                {
                    return size;
                }
            }
        }
    }
}
