using System.Globalization;

namespace Samverkan.Storage;

/// <summary>Ids of appended documents: the sequence number, zero-padded so ordinal order is numeric order.</summary>
public static class SequenceId
{
    public static string Format(long sequence) => sequence.ToString("D20", CultureInfo.InvariantCulture);

    public static long Parse(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
}
