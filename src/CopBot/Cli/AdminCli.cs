using System.CommandLine;
using System.Globalization;
using CopBot.Hosting;
using CopBot.Storage;

namespace CopBot.Cli;

/// <summary>
/// Admin commands on the host binary (<c>dotnet run --project src/CopBot -- profiles import …</c>), run against
/// the same configuration and storage as the bot. Anything that is not one of these commands starts the bot.
/// </summary>
public static class AdminCli
{
    private static readonly string[] Verbs = ["profiles", "route", "stats", "synthesize", "inbox", "outbox"];

    public static bool Handles(string[] args) =>
        args is { Length: > 0 } && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <param name="args">The command line.</param>
    /// <param name="configuration">Settings to use instead of appsettings.json and the environment (tests).</param>
    /// <param name="output">Results (stdout by default).</param>
    /// <param name="errors">Progress and problems (stderr by default).</param>
    public static async Task<int> RunAsync(string[] args, IConfiguration? configuration = null, TextWriter? output = null, TextWriter? errors = null)
    {
        configuration ??= new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var root = new RootCommand("CopBot admin commands")
        {
            ProfileCommands.Create(() => CreateServices(configuration), output ?? Console.Out, errors ?? Console.Error),
            RouteCommand.Create(() => CreateServices(configuration), output ?? Console.Out, errors ?? Console.Error),
            StatsCommand.Create(() => CreateServices(configuration), output ?? Console.Out, errors ?? Console.Error),
            SynthesizeCommand.Create(() => CreateServices(configuration), configuration, output ?? Console.Out, errors ?? Console.Error),
            InboxCommands.Create(() => CreateServices(configuration), output ?? Console.Out, errors ?? Console.Error),
            OutboxCommands.Create(() => CreateServices(configuration), configuration, output ?? Console.Out, errors ?? Console.Error),
        };
        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>The bot's own storage wiring, so admin commands read and write exactly what the bot does.</summary>
    private static ServiceProvider CreateServices(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddCopBotStorage(configuration);
        return services.BuildServiceProvider();
    }

    internal static async Task EnsureTablesAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        await services.GetRequiredService<CopBotTables>().EnsureCreatedAsync(cancellationToken);

    /// <summary>A point in time as the admin commands print it: UTC to the second, ISO 8601.</summary>
    internal static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
