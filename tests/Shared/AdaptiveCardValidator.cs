// Validates Adaptive Card JSON with the official JavaScript parser (tools/card-validator/validate.js).
// Link this file into any test project:
//   <Compile Include="../Shared/AdaptiveCardValidator.cs" Link="Shared/AdaptiveCardValidator.cs" />
// It needs only the BCL, Node on PATH, and `npm ci` run at the repo root.
using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace CopBot.Testing;

/// <summary>What the official parser and the Teams checks found in one card.</summary>
public sealed record CardValidationResult(string Name, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    /// <summary>No error and no warning.</summary>
    public bool IsClean => Errors.Count == 0 && Warnings.Count == 0;

    public override string ToString() =>
        $"{Name}: {Errors.Count} error(s), {Warnings.Count} warning(s)"
        + string.Concat(Errors.Select(e => Environment.NewLine + "  error: " + e))
        + string.Concat(Warnings.Select(w => Environment.NewLine + "  warning: " + w));
}

/// <summary>Runs <c>node tools/card-validator/validate.js</c> over card JSON strings.</summary>
public static class AdaptiveCardValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The folder holding CopBot.sln, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Validates one card.</summary>
    public static CardValidationResult Validate(string cardJson, string name = "card") =>
        ValidateMany(new Dictionary<string, string> { [name] = cardJson })[name];

    /// <summary>Validates several cards with one Node process; results are keyed by the given names.</summary>
    public static IReadOnlyDictionary<string, CardValidationResult> ValidateMany(IReadOnlyDictionary<string, string> cardsByName)
    {
        ArgumentNullException.ThrowIfNull(cardsByName);
        if (cardsByName.Count == 0)
        {
            return new Dictionary<string, CardValidationResult>();
        }

        var script = Path.Combine(RepoRoot, "tools", "card-validator", "validate.js");
        var parser = Path.Combine(RepoRoot, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
        if (!File.Exists(parser))
        {
            throw new InvalidOperationException(
                $"The Adaptive Cards parser is missing ({parser}): run npm ci at the repo root.");
        }

        var folder = Path.Combine(Path.GetTempPath(), "copbot-cards-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // File names are positional so any card name works; the map brings the names back.
            var namesByFile = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var (name, json) in cardsByName)
            {
                var file = Path.Combine(folder, $"{index++:D4}.json");
                File.WriteAllText(file, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                namesByFile[Path.GetFileName(file)] = name;
            }

            var output = RunNode(script, folder);
            var results = new Dictionary<string, CardValidationResult>(StringComparer.Ordinal);
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                using var report = JsonDocument.Parse(line);
                var file = Path.GetFileName(report.RootElement.GetProperty("file").GetString() ?? string.Empty);
                var name = namesByFile[file];
                results[name] = new CardValidationResult(
                    name,
                    Strings(report.RootElement.GetProperty("errors")),
                    Strings(report.RootElement.GetProperty("warnings")));
            }

            var missing = cardsByName.Keys.Where(n => !results.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The card validator reported nothing for: {string.Join(", ", missing)}. Output:{Environment.NewLine}{output}");
            }

            return results;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RunNode(string script, string folder)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Could not run node: is Node.js installed and on PATH?", e);
        }

        using (process)
        {
            // Read both streams concurrently so neither pipe can fill up and block the child.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"The card validator did not finish within {Timeout.TotalSeconds} s.");
            }

            // Exit code 1 only means some card has findings; anything else is a failure of the tool itself.
            if (process.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException(
                    $"The card validator failed (exit code {process.ExitCode}): {stderr.GetAwaiter().GetResult()}");
            }

            return stdout.GetAwaiter().GetResult();
        }
    }

    private static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CopBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CopBot.sln above {AppContext.BaseDirectory}: cannot find the repo root.");
    }
}
