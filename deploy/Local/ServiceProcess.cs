using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Samverkan.Local;

/// <summary>One child process: `dotnet &lt;dll&gt;` with its environment, output forwarded and kept for errors.</summary>
internal sealed partial class ServiceProcess(ServiceDefinition definition, string dllPath, IReadOnlyDictionary<string, string> environment, Action<string>? output)
{
    private const int KeptLines = 200;
    private readonly Queue<string> recent = new();
    private long outputLines;
    private Process? process;

    public ServiceDefinition Definition => definition;
    public int? ProcessId => process?.Id;
    public bool IsRunning => process is { HasExited: false };

    public string RecentOutput
    {
        get
        {
            lock (recent)
            {
                return string.Join(Environment.NewLine, recent);
            }
        }
    }

    public void Start()
    {
        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            // The content root (appsettings.json) is the working directory under `dotnet <dll>`.
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dllPath);
        // Inherited values would compete with the Kestrel endpoints set below.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        info.Environment.Remove("ASPNETCORE_HTTPS_PORTS");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        // Output of an earlier run stays: after a restart it tells what happened before.
        var started = new Process { StartInfo = info, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, e) => Forward(e.Data);
        started.ErrorDataReceived += (_, e) => Forward(e.Data);
        started.Start();
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process?.Dispose();
        process = started;
    }

    private void Forward(string? line)
    {
        if (line is null)
        {
            return;
        }
        var prefixed = $"[{definition.Name}] {line}";
        lock (recent)
        {
            outputLines++;
            recent.Enqueue(prefixed);
            if (recent.Count > KeptLines)
            {
                recent.Dequeue();
            }
        }
        output?.Invoke(prefixed);
    }

    /// <summary>
    /// Polls GET /health until it answers as started (<see cref="StartedHealth"/>), failing early if
    /// the process exits, and when it stops making progress or passes the cap (<paramref name="progress"/>). Waits for this process's /health to answer with <paramref name="instance"/> in its
    /// <c>Samverkan-Instance</c> header: another platform's process that got the same free port
    /// (parallel test runs) answers with its own, and is not taken for this one.
    /// </summary>
    public async Task WaitHealthyAsync(HttpClient http, Uri restUrl, string instance, StartProgress progress, CancellationToken cancellationToken)
    {
        var health = new Uri(restUrl, "health");
        var lastAnswer = "no answer";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process is not { } running || running.HasExited)
            {
                throw Failure($"exited with code {process?.ExitCode.ToString() ?? "?"} before {health} answered 200");
            }
            if (progress.GiveUpReason(ProcessorTime(running), OutputLines) is { } reason)
            {
                throw Failure($"{reason} without answering 200 on {health} (last: {lastAnswer})");
            }
            try
            {
                using var response = await http.GetAsync(health, cancellationToken);
                var answeredBy = response.Headers.TryGetValues(InstanceHeader, out var values) ? values.FirstOrDefault() : null;
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (answeredBy == instance && StartedHealth.IsStarted(response.StatusCode, body, definition == Topology.Gateway, out var warning))
                {
                    if (warning is not null)
                    {
                        Forward($"warning: {warning}");
                    }
                    return;
                }
                lastAnswer = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastAnswer = $"no answer within {http.Timeout.TotalSeconds:0} s";
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    private long OutputLines
    {
        get
        {
            lock (recent)
            {
                return outputLines;
            }
        }
    }

    private static TimeSpan ProcessorTime(Process running)
    {
        try
        {
            running.Refresh();
            return running.TotalProcessorTime;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Exited meanwhile (Linux says so with a Win32Exception once /proc is gone): the next look reports the exit.
            return TimeSpan.Zero;
        }
    }

    /// <summary>The header every Samverkan process puts on /health, from its Platform:InstanceId.</summary>
    public const string InstanceHeader = "Samverkan-Instance";

    private PlatformStartException Failure(string what)
    {
        // Let the output readers drain what the process wrote before failing: all of it when the
        // process has exited (WaitForExit without a timeout waits for the end of its output).
        int? exitCode = null;
        if (process is { HasExited: true } exited)
        {
            exited.WaitForExit();
            exitCode = exited.ExitCode;
        }
        else
        {
            process?.WaitForExit(200);
        }
        var output = RecentOutput;
        var reason = Reason(output) is { } line ? $"{Environment.NewLine}Reason: {line}" : "";
        var portInUse = output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
        return new PlatformStartException(definition.Name, $"{definition.Name} ({dllPath}) {what}.{reason}", output, exitCode, portInUse);
    }

    /// <summary>
    /// The line that says why a process failed, so it is not lost in a stack trace: its first
    /// critical log entry, else its first error entry, else the runtime's unhandled exception.
    /// </summary>
    private static string? Reason(string output)
    {
        var lines = output.Split(Environment.NewLine);
        return new[] { "crit: ", "fail: ", "Unhandled exception." }
            .Select(marker => lines.FirstOrDefault(line => line.Contains(marker, StringComparison.Ordinal)))
            .FirstOrDefault(line => line is not null);
    }

    /// <summary>Kills the process tree at once, as a crash would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            try
            {
                running.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
            running.WaitForExit(5000);
        }
    }

    /// <summary>Asks the process to shut down (SIGTERM where available), then kills what is left after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }
        if (!OperatingSystem.IsWindows() && SendSignal(running.Id, SigTerm) == 0)
        {
            using var timeout = new CancellationTokenSource(grace);
            try
            {
                await running.WaitForExitAsync(timeout.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time.
            }
        }
        Kill();
    }

    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
