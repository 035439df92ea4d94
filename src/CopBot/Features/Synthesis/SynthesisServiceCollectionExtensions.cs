using CopBot.Community;
using CopBot.Turns;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Synthesis;

public static class SynthesisServiceCollectionExtensions
{
    public const string LlmHttpClient = "synthesis-llm";

    /// <summary>The synthesis feature: engine, query source, start and publish flows, and its turn routes.</summary>
    public static IServiceCollection AddSynthesisFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSynthesisEngine(configuration);
        services.AddSingleton<ISynthesisSource, QuerySubjectSource>();
        services.AddSingleton<Facilitators>();
        services.AddSingleton<FacilitatorChat>();
        services.AddSingleton<SynthesisFlow>();
        services.AddSingleton<SynthesisPublisher>();
        services.AddSingleton<IBotFeature, SynthesisFeature>();
        return services;
    }

    /// <summary>The synthesis engine: the LLM one (with the extractive one as fallback) when a key is set, else extractive.</summary>
    public static IServiceCollection AddSynthesisEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SynthesisOptions>().Bind(configuration.GetSection(SynthesisOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(new ExtractiveSynthesizer());
        services.AddHttpClient(LlmHttpClient);
        services.TryAddSingleton<IChatClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SynthesisOptions>>().Value;
            return new OpenAiCompatibleChatClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient), options.LlmEndpoint!, options.LlmApiKey!, options.LlmModel);
        });
        services.TryAddSingleton<ISynthesisEngine>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SynthesisOptions>>().Value;
            return options.IsLlmConfigured
                ? new LlmSynthesisEngine(sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<ExtractiveSynthesizer>(), options.LlmTimeout, sp.GetRequiredService<ILogger<LlmSynthesisEngine>>())
                : sp.GetRequiredService<ExtractiveSynthesizer>();
        });
        return services;
    }
}
