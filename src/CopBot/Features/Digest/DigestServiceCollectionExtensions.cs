using CopBot.Community;
using CopBot.Turns;

namespace CopBot.Features.Digest;

public static class DigestServiceCollectionExtensions
{
    /// <summary>The periodic community digest and the facilitators' <c>digest</c> preview (needs the synthesis feature's 1:1 chat).</summary>
    public static IServiceCollection AddDigestFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DigestReader>();
        services.AddSingleton<DigestChecker>();
        services.AddSingleton<Outbox.IOutboxHandler, DigestPostDelivery>();
        services.AddHostedService<DigestService>();
        services.AddSingleton<IBotFeature, DigestFeature>();
        return services;
    }
}
