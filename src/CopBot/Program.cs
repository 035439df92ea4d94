using CopBot.Cli;
using CopBot.Hosting;

// Admin commands (profiles import, …) run against the configured storage and exit; anything else serves the bot.
if (AdminCli.Handles(args))
{
    return await AdminCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseCopBotDefaultUrls();
builder.Services.AddCopBot(builder.Configuration);

var app = builder.Build();
app.MapBot();
await app.RunAsync();
return 0;

/// <summary>Entry point type, public so <c>WebApplicationFactory&lt;Program&gt;</c> can host the real pipeline in tests.</summary>
public partial class Program;
