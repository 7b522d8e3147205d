using System.Text;

namespace Samverkan.Subscriptions.Tests.Support;

/// <summary>One Server-Sent Event: its id, event name and data.</summary>
public sealed record ServerSentEvent(string? Id, string? Event, string Data);

/// <summary>
/// Reads a text/event-stream as the HTML specification parses it (fields up to a blank line;
/// lines starting with ':' are comments), keeping the comments for keep-alive checks.
/// </summary>
public sealed class EventStreamReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public List<string> Comments { get; } = [];

    /// <summary>The next event, or null when the stream ends or the timeout passes.</summary>
    public async Task<ServerSentEvent?> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        string? id = null, name = null;
        var data = new StringBuilder();
        try
        {
            while (await _reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        return new ServerSentEvent(id, name, data.ToString());
                    }
                    continue;
                }
                if (line.StartsWith(':'))
                {
                    Comments.Add(line[1..].Trim());
                    continue;
                }
                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id":
                        id = value;
                        break;
                    case "event":
                        name = value;
                        break;
                    case "data":
                        data.Append(data.Length > 0 ? "\n" : "").Append(value);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        return null;
    }

    public void Dispose() => _reader.Dispose();
}
