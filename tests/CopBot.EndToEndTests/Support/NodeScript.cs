using System.Diagnostics;
using System.Text;
using CopBot.Testing;

namespace CopBot.EndToEndTests.Support;

/// <summary>What a Node script printed and how it ended.</summary>
public sealed record NodeScriptResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
}

/// <summary>Runs a Node script of this repo with one JSON argument, killing it when it overruns.</summary>
internal static class NodeScript
{
    public static async Task<NodeScriptResult> RunAsync(string relativePath, string jsonArgument, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = AzuriteFixture.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AzuriteFixture.RepositoryRoot, relativePath));
        start.ArgumentList.Add(jsonArgument);
        start.Environment.Remove("NODE_OPTIONS");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append(output, $"(killed after {timeout.TotalSeconds} s)");
            return new NodeScriptResult(-1, Snapshot(output));
        }

        process.WaitForExit(); // drains the output events
        return new NodeScriptResult(process.ExitCode, Snapshot(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
