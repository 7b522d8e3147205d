namespace Samverkan.Bench.Coverage;

/// <summary>Memory of a child process as Linux reports it in /proc/&lt;pid&gt;/status.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// The process running <paramref name="dllName"/> whose environment names <paramref name="dataDirectory"/>
    /// (the launcher gives every service its SQLite path there), so a platform someone else runs is never picked.
    /// </summary>
    public static int? FindService(string dllName, string dataDirectory)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline"));
                if (commandLine.Contains(dllName, StringComparison.Ordinal)
                    && File.ReadAllText(Path.Combine(directory, "environ")).Contains(dataDirectory, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or not ours.
            }
        }
        return null;
    }

    /// <summary>
    /// Starts a new peak: Linux resets VmHWM to the current resident set when "5" is written to
    /// /proc/&lt;pid&gt;/clear_refs, so each phase's peak can be read on its own.
    /// </summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    /// <summary>A field of /proc/&lt;pid&gt;/status in MiB: VmHWM is the peak resident set, VmRSS the current one.</summary>
    public static double StatusMiB(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }
}
