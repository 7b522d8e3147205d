using System.Globalization;

namespace Samverkan.Events;

/// <summary>
/// The text of the CloudEvents <c>sequence</c> extension. The extension compares values as
/// strings, so the number is zero-padded to 20 digits (every <see cref="long"/> fits): "…09"
/// sorts before "…10" both as text and as a number. Readers that parse it as a number
/// (<c>long.Parse</c>) read the same value as before the padding.
/// </summary>
public static class CloudEventSequence
{
    public const int Digits = 20;

    public static string Format(long sequence) => sequence.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The number, from a padded or an unpadded decimal string (events written before the padding).</summary>
    public static long Parse(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
