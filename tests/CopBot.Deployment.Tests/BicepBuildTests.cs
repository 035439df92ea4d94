namespace CopBot.Deployment.Tests;

public sealed class BicepBuildTests
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"; // built-in role id
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const int CompilerNotRestored = 3; // build-bicep.sh's exit code when NuGet cannot serve the compiler

    [SkippableFact]
    public async Task Main_bicep_builds_with_no_warnings_and_reaches_storage_through_the_managed_identity()
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

        // Storage: the endpoint and the identity's client id as settings, the data role granted, no account key.
        Assert.Contains("CopBot__TableEndpoint", template, StringComparison.Ordinal);
        Assert.Contains("CopBot__ManagedIdentityClientId", template, StringComparison.Ordinal);
        Assert.Contains("CopBot__QueueEndpoint", template, StringComparison.Ordinal);
        Assert.Contains(StorageQueueDataContributor, template, StringComparison.Ordinal);
        Assert.Contains(StorageTableDataContributor, template, StringComparison.Ordinal);
        Assert.Contains("\"allowSharedKeyAccess\": false", template, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings__Tables", template, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", template, StringComparison.Ordinal);
    }
}
