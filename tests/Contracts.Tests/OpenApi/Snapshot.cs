using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Samverkan.Contracts.Tests.OpenApi;

/// <summary>
/// Committed OpenAPI documents (<c>OpenApi/snapshots/&lt;name&gt;.json</c>): a test compares the
/// live document with its snapshot, so every contract change shows up in review as a change to
/// that file. <c>UPDATE_SNAPSHOTS=1</c> rewrites the snapshots instead of comparing.
/// </summary>
public static class Snapshot
{
    /// <summary>Where the gateway says it is: a free port in tests, so the snapshot names the default one.</summary>
    public const string ServerUrl = "http://127.0.0.1:8080";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep `<`, `'` and non-ASCII as written, so the snapshot reads like the document.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static string Folder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "snapshots");

    /// <summary>The document as committed: indented, LF line ends, a fixed server address.</summary>
    public static string Normalise(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy["servers"] = new JsonArray(new JsonObject { ["url"] = ServerUrl });
        return copy.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Null when equal, otherwise the changed lines with some context, '-' committed and '+' live.</summary>
    public static string? Diff(string committed, string live)
    {
        if (committed == live)
        {
            return null;
        }
        var lines = InlineDiffBuilder.Diff(committed, live, ignoreWhiteSpace: false).Lines;
        var shown = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - 3); j <= Math.Min(lines.Count - 1, i + 3); j++)
                {
                    shown[j] = true;
                }
            }
        }
        var diff = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!shown[i])
            {
                continue;
            }
            if (i > 0 && !shown[i - 1])
            {
                diff.AppendLine("...");
            }
            var mark = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
            diff.Append(mark).Append(' ').Append(lines[i].Position?.ToString("D5") ?? "     ").Append(' ').AppendLine(lines[i].Text);
        }
        return diff.ToString();
    }
}
