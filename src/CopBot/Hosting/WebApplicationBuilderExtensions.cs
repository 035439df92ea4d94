using Microsoft.AspNetCore.Hosting;

namespace CopBot.Hosting;

public static class WebApplicationBuilderExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <summary>
    /// Listens on the Bot Framework's customary local port unless ASPNETCORE_URLS, --urls or a Urls setting says
    /// otherwise (a default in appsettings.json would override ASPNETCORE_URLS, so it is applied here instead).
    /// </summary>
    public static WebApplicationBuilder UseCopBotDefaultUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
