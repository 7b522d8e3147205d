namespace Samverkan.Coverage.Analysis;

/// <summary>
/// The smallest choice of sets whose union is the union of all (pure). Sets come in order of
/// preference: among equally small answers the earlier sets win. Identical sets keep the first,
/// and a set inside another is dropped (it is never needed). Greedy (most still uncovered
/// first, then redundant picks removed) gives an answer; a branch-and-bound search then proves
/// it smallest or finds a smaller one, within a node budget and only for up to
/// <see cref="MaxExactCandidates"/> candidate sets. Otherwise the greedy answer stands and
/// <see cref="Result.Exact"/> is false.
/// </summary>
public static class SetCover
{
    public const int DefaultNodeBudget = 100_000;
    public const int MaxExactCandidates = 256;

    /// <param name="Chosen">Indexes into the input, ascending.</param>
    /// <param name="Exact">True when the answer is proven smallest.</param>
    public sealed record Result(IReadOnlyList<int> Chosen, bool Exact);

    public static Result Solve(IReadOnlyList<IReadOnlyCollection<int>> sets, int universeSize, int nodeBudget = DefaultNodeBudget)
    {
        var words = Math.Max(1, (universeSize + 63) / 64);
        var bits = sets.Select(set => Bits.Of(set, words)).ToList();
        var candidates = Undominated(sets, bits, universeSize);
        var universe = new ulong[words];
        foreach (var index in candidates)
        {
            Bits.Or(universe, bits[index]);
        }
        var greedy = Greedy(bits, candidates, universe);
        if (candidates.Count > MaxExactCandidates)
        {
            return new Result([.. greedy.Order()], false);
        }
        var containing = Enumerable.Range(0, universeSize).Select(e => candidates.Where(i => Bits.Has(bits[i], e)).ToList()).ToList();
        var largest = candidates.Count == 0 ? 1 : candidates.Max(i => Bits.Count(bits[i]));
        var search = new Search(bits, containing, largest, nodeBudget) { Best = greedy };
        search.Run(universe, []);
        return new Result([.. search.Best.Order()], !search.OutOfBudget);
    }

    /// <summary>Non-empty sets not equal to an earlier one nor inside a larger one, by index.</summary>
    private static List<int> Undominated(IReadOnlyList<IReadOnlyCollection<int>> sets, List<ulong[]> bits, int universeSize)
    {
        var sizes = bits.Select(Bits.Count).ToList();
        var byElement = new List<int>[universeSize];
        var kept = new List<int>();
        // Larger sets first: a set can only lie inside one at least as large, which then holds its first element.
        foreach (var index in Enumerable.Range(0, bits.Count).Where(i => sizes[i] > 0).OrderByDescending(i => sizes[i]).ThenBy(i => i))
        {
            var first = sets[index].Min();
            if (byElement[first]?.Any(other => Bits.IsSubset(bits[index], bits[other])) == true)
            {
                continue;
            }
            kept.Add(index);
            foreach (var element in sets[index].Distinct())
            {
                (byElement[element] ??= []).Add(index);
            }
        }
        kept.Sort();
        return kept;
    }

    private static List<int> Greedy(List<ulong[]> bits, List<int> candidates, ulong[] universe)
    {
        var uncovered = (ulong[])universe.Clone();
        var chosen = new List<int>();
        while (Bits.Count(uncovered) > 0)
        {
            var best = candidates.MaxBy(index => Bits.CountAnd(bits[index], uncovered));
            chosen.Add(best);
            Bits.AndNot(uncovered, bits[best]);
        }
        for (var i = chosen.Count - 1; i >= 0; i--)
        {
            var others = new ulong[universe.Length];
            for (var j = 0; j < chosen.Count; j++)
            {
                if (j != i)
                {
                    Bits.Or(others, bits[chosen[j]]);
                }
            }
            if (Bits.IsSubset(bits[chosen[i]], others))
            {
                chosen.RemoveAt(i);
            }
        }
        return chosen;
    }

    private sealed class Search(List<ulong[]> bits, List<List<int>> containing, int largest, int budget)
    {
        private int nodes;

        public required List<int> Best { get; set; }

        public bool OutOfBudget { get; private set; }

        /// <summary>Branch on the uncovered element in the fewest sets: one of those sets must be chosen.</summary>
        public void Run(ulong[] uncovered, List<int> chosen)
        {
            if (OutOfBudget || ++nodes > budget)
            {
                OutOfBudget = true;
                return;
            }
            var left = Bits.Count(uncovered);
            if (left == 0)
            {
                if (chosen.Count < Best.Count)
                {
                    Best = [.. chosen];
                }
                return;
            }
            // Even sets of the largest size need this many more picks.
            if (chosen.Count + ((left + largest - 1) / largest) >= Best.Count)
            {
                return;
            }
            List<int>? options = null;
            foreach (var element in Bits.Elements(uncovered))
            {
                if (options is null || containing[element].Count < options.Count)
                {
                    options = containing[element];
                }
            }
            foreach (var index in options!)
            {
                var next = (ulong[])uncovered.Clone();
                Bits.AndNot(next, bits[index]);
                chosen.Add(index);
                Run(next, chosen);
                chosen.RemoveAt(chosen.Count - 1);
            }
        }
    }
}
