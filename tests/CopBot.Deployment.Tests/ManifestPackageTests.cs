using System.Text.Json.Nodes;
using CopBot.Features.Help;

namespace CopBot.Deployment.Tests;

public sealed class ManifestPackageTests
{
    [Fact]
    public async Task Package_has_the_three_files_at_the_root_and_the_bot_id_filled_in()
    {
        using var package = await AppPackage.BuildAsync(AppPackage.SampleBotId);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Order(StringComparer.Ordinal));
        var manifest = package.Manifest;
        Assert.Equal(AppPackage.SampleBotId, (string?)manifest["id"]);
        Assert.Equal(AppPackage.SampleBotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(AppPackage.SampleBotId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.DoesNotContain("{{", manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_passes_the_official_schema_and_icon_checks_offline()
    {
        using var package = await AppPackage.BuildAsync(AppPackage.SampleBotId);

        var result = await RunValidatorAsync(package.Folder);

        Assert.True(result.ExitCode == 0, "validate.js reported problems:\n" + result.Output);
        Assert.EndsWith("0 errors", result.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_rejects_a_manifest_that_breaks_the_schema()
    {
        using var package = await AppPackage.BuildAsync(AppPackage.SampleBotId);
        var manifest = package.Manifest;
        manifest["description"]!["short"] = new string('x', 81); // schema: maxLength 80
        manifest["authorization"] = new JsonObject(); // no RSC: un-mentioned replies would be lost
        await File.WriteAllTextAsync(Path.Combine(package.Folder, "manifest.json"), manifest.ToJsonString());

        var result = await RunValidatorAsync(package.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/description/short", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ChannelMessage.Read.Group", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validator_rejects_wrong_icon_sizes()
    {
        using var package = await AppPackage.BuildAsync(AppPackage.SampleBotId);
        File.Copy(Path.Combine(package.Folder, "outline.png"), Path.Combine(package.Folder, "color.png"), overwrite: true);

        var result = await RunValidatorAsync(package.Folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("color icon is 32x32, must be 192x192", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_scope_lists_the_commands_of_the_bot_catalog()
    {
        using var package = await AppPackage.BuildAsync(AppPackage.SampleBotId);
        var bot = package.Manifest["bots"]![0]!;
        var catalog = CommandCatalog.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var scopes = bot["scopes"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order(StringComparer.Ordinal));
        foreach (var scope in scopes)
        {
            var commands = bot["commandLists"]!.AsArray()
                .Single(list => list!["scopes"]!.AsArray().Any(s => (string)s! == scope))!["commands"]!.AsArray()
                .Select(c => (Title: (string)c!["title"]!, Description: (string)c["description"]!))
                .ToList();
            var titles = commands.Select(c => c.Title).ToHashSet(StringComparer.Ordinal);

            Assert.Empty(catalog.Except(titles).Except(CommandCatalog.UnlistedIn(scope)));
            Assert.Empty(titles.Except(catalog));
            Assert.Empty(titles.Intersect(CommandCatalog.UnlistedIn(scope)));
            Assert.InRange(commands.Count, 1, CommandCatalog.MaxManifestCommands);
            Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Title + " has no description"));
            Assert.Equal(commands.Count, titles.Count);
        }
    }

    [Theory]
    [InlineData("not-a-guid", "is not a GUID")]
    [InlineData("3f2b8c9e-1a4d-4e6f-9b7a-5c3d2e1f0a9", "is not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is not a GUID")]
    public async Task Script_refuses_an_invalid_bot_id(string botId, string message)
    {
        var result = await AppPackage.RunScriptAsync(botId, new Dictionary<string, string?> { ["APP_PACKAGE_PATH"] = UnusedZipPath() });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_refuses_to_run_without_a_bot_id()
    {
        var result = await AppPackage.RunScriptAsync(
            botIdArgument: null,
            new Dictionary<string, string?> { ["MicrosoftAppId"] = null, ["APP_PACKAGE_PATH"] = UnusedZipPath() });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no bot id", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_takes_the_bot_id_from_MicrosoftAppId()
    {
        var zip = UnusedZipPath();
        var result = await AppPackage.RunScriptAsync(
            botIdArgument: null,
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AppPackage.SampleBotId, ["APP_PACKAGE_PATH"] = zip });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(zip));
        Directory.Delete(Path.GetDirectoryName(zip)!, recursive: true);
    }

    [Fact]
    public async Task Script_writes_manifest_build_appPackage_zip_by_default()
    {
        var zip = Path.Combine(RepoPaths.Manifest, "build", "appPackage.zip");

        var result = await AppPackage.RunScriptAsync(AppPackage.SampleBotId, new Dictionary<string, string?> { ["APP_PACKAGE_PATH"] = null });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(zip));
    }

    private static Task<ProcessResult> RunValidatorAsync(string folder) =>
        ProcessRunner.RunOfflineAsync("node", Path.Combine(RepoPaths.Manifest, "validate.js"), folder);

    // A folder that does not exist yet: the script creates it when it writes, and a refused run leaves nothing behind.
    private static string UnusedZipPath() =>
        Path.Combine(Path.GetTempPath(), "copbot-package-" + Guid.NewGuid().ToString("N"), "appPackage.zip");
}
