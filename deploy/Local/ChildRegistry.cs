using System.Diagnostics;

namespace Samverkan.Local;

/// <summary>
/// Remembers, in the data directory, which processes a launcher started, so that children left
/// behind by a launcher killed hard are killed by the next start instead of holding the ports and
/// the SQLite files. Processes are matched by id and start time, so a recycled id is never taken
/// for a child.
/// </summary>
internal sealed class ChildRegistry(string dataDirectory)
{
    private readonly string path = Path.Combine(dataDirectory, "launcher.pids");

    /// <summary>Kills the recorded children of a launcher that no longer runs; refuses to share the directory with one that does.</summary>
    public void KillLeftovers()
    {
        if (!File.Exists(path))
        {
            return;
        }
        var entries = File.ReadAllLines(path).Select(Parse).OfType<(int Pid, long StartTicks)>().ToList();
        if (entries.Count > 0 && entries[0].Pid != Environment.ProcessId && Find(entries[0]) is { } launcher)
        {
            launcher.Dispose();
            throw new InvalidOperationException($"Another launcher (process {entries[0].Pid}) is running on {dataDirectory}.");
        }
        foreach (var entry in entries.Skip(1))
        {
            using var leftover = Find(entry);
            if (leftover is not null)
            {
                leftover.Kill(entireProcessTree: true);
                WaitUntilGone(leftover);
            }
        }
        File.Delete(path);
    }

    public void Record(IEnumerable<ServiceProcess> children)
    {
        var pids = children.Select(c => c.ProcessId).OfType<int>().Prepend(Environment.ProcessId);
        var lines = new List<string>();
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                lines.Add($"{pid}\t{process.StartTime.ToUniversalTime().Ticks}");
            }
            catch (ArgumentException)
            {
                // Already gone: nothing to clean up later.
            }
        }
        File.WriteAllLines(path, lines);
    }

    public void Clear() => File.Delete(path);

    private static (int Pid, long StartTicks)? Parse(string line) =>
        line.Split('\t') is [var pid, var ticks] && int.TryParse(pid, out var p) && long.TryParse(ticks, out var t) ? (p, t) : null;

    private static Process? Find((int Pid, long StartTicks) entry)
    {
        try
        {
            var process = Process.GetProcessById(entry.Pid);
            // Start times are derived from the boot time, which the runtime may compute a little differently each call.
            if (IsAlive(process) && Math.Abs(process.StartTime.ToUniversalTime().Ticks - entry.StartTicks) < TimeSpan.TicksPerSecond)
            {
                return process;
            }
            process.Dispose();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // Not running, or not ours to inspect.
        }
        return null;
    }

    /// <summary>
    /// A killed orphan belongs to init, which may be slow to reap it; as a zombie it holds no
    /// ports or files any more, so it counts as gone.
    /// </summary>
    private static bool IsAlive(Process process)
    {
        if (process.HasExited)
        {
            return false;
        }
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void WaitUntilGone(Process process)
    {
        for (var waited = 0; waited < 5000 && IsAlive(process); waited += 50)
        {
            Thread.Sleep(50);
        }
    }
}
