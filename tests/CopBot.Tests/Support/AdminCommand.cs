using CopBot.Cli;
using Microsoft.Extensions.Configuration;

namespace CopBot.Tests.Support;

/// <summary>Runs an admin CLI command against a running test bot's storage (its connection string and table prefix).</summary>
public static class AdminCommand
{
    public static async Task<(string Output, int Code, string Errors)> RunAsync(BotHarness bot, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = bot.ConnectionString,
            ["CopBot:TablePrefix"] = bot.TablePrefix,
        }).Build();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await AdminCli.RunAsync(args, settings, output, errors);
        return (output.ToString(), code, errors.ToString());
    }
}
