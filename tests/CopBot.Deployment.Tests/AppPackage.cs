using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CopBot.Deployment.Tests;

/// <summary>Builds the Teams app package with manifest/build-package.sh and unpacks it for inspection.</summary>
internal sealed class AppPackage : IDisposable
{
    public const string SampleBotId = "3f2b8c9e-1a4d-4e6f-9b7a-5c3d2e1f0a9b";

    private AppPackage(string zipPath, string folder, IReadOnlyList<string> entries)
    {
        ZipPath = zipPath;
        Folder = folder;
        Entries = entries;
    }

    public string ZipPath { get; }

    public string Folder { get; }

    public IReadOnlyList<string> Entries { get; }

    public JsonObject Manifest => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsObject();

    public static Task<ProcessResult> RunScriptAsync(string? botIdArgument, IDictionary<string, string?> environment) =>
        ProcessRunner.RunAsync(
            Path.Combine(RepoPaths.Manifest, "build-package.sh"),
            botIdArgument is null ? [] : [botIdArgument],
            environment);

    /// <summary>Builds into a private folder (tests may run in parallel) and extracts the zip next to it.</summary>
    public static async Task<AppPackage> BuildAsync(string botId)
    {
        var work = Directory.CreateTempSubdirectory("copbot-package-").FullName;
        var zipPath = Path.Combine(work, "appPackage.zip");
        var result = await RunScriptAsync(botId, new Dictionary<string, string?> { ["APP_PACKAGE_PATH"] = zipPath });
        Assert.True(result.ExitCode == 0, "build-package.sh failed:\n" + result.Output);

        var folder = Path.Combine(work, "unpacked");
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            zip.ExtractToDirectory(folder);
            return new AppPackage(zipPath, folder, entries);
        }
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(ZipPath)!, recursive: true);
}
