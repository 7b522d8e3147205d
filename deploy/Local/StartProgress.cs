namespace Samverkan.Local;

/// <summary>
/// Whether a starting process is still getting somewhere: it has used more CPU time or written
/// more output since the last look. Start-up on a busy machine is slow but keeps moving (it took
/// over 30 s on two shared cores), so the launcher waits for /health as long as the process moves,
/// up to an overall cap, instead of a fixed time that assumes an idle machine.
/// </summary>
internal sealed class StartProgress(TimeSpan stallTimeout, TimeSpan cap)
{
    private readonly DateTime started = DateTime.UtcNow;
    private DateTime lastMoved = DateTime.UtcNow;
    private TimeSpan processorTime;
    private long outputLines;

    /// <summary>Records what the process has done so far; answers why to stop waiting, or null to go on.</summary>
    public string? GiveUpReason(TimeSpan processorTimeNow, long outputLinesNow)
    {
        var now = DateTime.UtcNow;
        if (processorTimeNow > processorTime || outputLinesNow > outputLines)
        {
            (processorTime, outputLines, lastMoved) = (processorTimeNow, outputLinesNow, now);
        }
        if (now - lastMoved > stallTimeout)
        {
            return $"made no progress (no CPU time used, no output written) for {stallTimeout.TotalSeconds:0} s";
        }
        return now - started > cap ? $"was still starting after {cap.TotalSeconds:0} s" : null;
    }
}
