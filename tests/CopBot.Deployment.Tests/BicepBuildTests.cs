namespace CopBot.Deployment.Tests;

public sealed class BicepBuildTests
{
    private const int CompilerNotRestored = 3; // build-bicep.sh's exit code when NuGet cannot serve the compiler

    [SkippableFact]
    public async Task Main_bicep_builds_with_no_errors_and_no_warnings()
    {
        var result = await ProcessRunner.RunAsync(
            Path.Combine(RepoPaths.Deployment, "build-bicep.sh"), [], timeout: TimeSpan.FromMinutes(5));

        Skip.If(result.ExitCode == CompilerNotRestored, "Bicep CLI package could not be restored from NuGet:\n" + result.Output);
        Assert.True(result.ExitCode == 0, "bicep build failed or warned:\n" + result.Output);
        Assert.DoesNotContain(" : Warning ", result.Output, StringComparison.Ordinal);

        var template = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Deployment, ".tools", "out", "main.json"));
        foreach (var type in new[]
                 {
                     "Microsoft.BotService/botServices", "Microsoft.BotService/botServices/channels", "Microsoft.Web/sites",
                     "Microsoft.Storage/storageAccounts", "Microsoft.Authorization/roleAssignments", "Microsoft.KeyVault/vaults",
                 })
        {
            Assert.Contains($"\"{type}\"", template, StringComparison.Ordinal);
        }
    }
}
