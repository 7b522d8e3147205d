using System.Numerics;

namespace Samverkan.Coverage.Analysis;

/// <summary>Fixed-size bit sets as <c>ulong</c> words, for <see cref="SetCover"/>.</summary>
internal static class Bits
{
    public static ulong[] Of(IEnumerable<int> elements, int words)
    {
        var bits = new ulong[words];
        foreach (var element in elements)
        {
            bits[element >> 6] |= 1UL << (element & 63);
        }
        return bits;
    }

    public static bool Has(ulong[] bits, int element) => (bits[element >> 6] & (1UL << (element & 63))) != 0;

    public static int Count(ulong[] bits) => bits.Sum(word => BitOperations.PopCount(word));

    public static int CountAnd(ulong[] a, ulong[] b)
    {
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            count += BitOperations.PopCount(a[i] & b[i]);
        }
        return count;
    }

    public static void Or(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    public static void AndNot(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= ~other[i];
        }
    }

    public static bool IsSubset(ulong[] inner, ulong[] outer)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if ((inner[i] & ~outer[i]) != 0)
            {
                return false;
            }
        }
        return true;
    }

    public static IEnumerable<int> Elements(ulong[] bits)
    {
        for (var i = 0; i < bits.Length; i++)
        {
            for (var word = bits[i]; word != 0; word &= word - 1)
            {
                yield return (i << 6) + BitOperations.TrailingZeroCount(word);
            }
        }
    }
}
