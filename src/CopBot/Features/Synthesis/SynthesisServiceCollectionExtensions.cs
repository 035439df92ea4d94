using CopBot.Community;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Synthesis;

public static class SynthesisServiceCollectionExtensions
{
    public const string LlmHttpClient = "synthesis-llm";

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
