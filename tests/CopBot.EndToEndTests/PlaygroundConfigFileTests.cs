using CopBot.EndToEndTests.Support;

namespace CopBot.EndToEndTests;

/// <summary>The harness refuses, before starting anything, a config the playground would reject.</summary>
public sealed class PlaygroundConfigFileTests
{
    [Fact]
    public void Validate_RepoTenant_NoProblems() => Assert.Empty(PlaygroundConfigFile.Validate(new PlaygroundTenant()));

    [Fact]
    public void Validate_FourUsersAndDuplicateIds_ReportsEach()
    {
        var tenant = new PlaygroundTenant();
        tenant = tenant with { Users = [.. tenant.Users.Take(3), tenant.Users[0]], GroupChatId = tenant.TeamId };

        var problems = PlaygroundConfigFile.Validate(tenant);

        Assert.Contains(problems, p => p.Contains("exactly 5", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("user ids must be unique", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("conversation ids must be unique", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_TooManyChannels_ThrowsAndWritesNothing()
    {
        var tenant = new PlaygroundTenant { ExtraChannels = [("19:a@thread.tacv2", "A"), ("19:b@thread.tacv2", "B")] };
        var folder = Directory.CreateTempSubdirectory("copbot-config-").FullName;
        try
        {
            Assert.Throws<InvalidOperationException>(() => PlaygroundConfigFile.Write(tenant, folder));
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
