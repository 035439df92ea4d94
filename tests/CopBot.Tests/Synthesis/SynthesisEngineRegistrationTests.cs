using CopBot.Community;
using CopBot.Features.Synthesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Synthesis;

public class SynthesisEngineRegistrationTests
{
    private static ISynthesisEngine Resolve(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddLogging().AddSynthesisEngine(configuration);
        return services.BuildServiceProvider().GetRequiredService<ISynthesisEngine>();
    }

    [Fact]
    public void AddSynthesisEngine_NoKey_Extractive() =>
        Assert.IsType<ExtractiveSynthesizer>(Resolve(("CopBot:Synthesis:LlmEndpoint", "https://example.openai.azure.com/x")));

    [Fact]
    public void AddSynthesisEngine_EndpointAndKey_LlmWithFallback() =>
        Assert.IsType<LlmSynthesisEngine>(Resolve(("CopBot:Synthesis:LlmEndpoint", "https://example.openai.azure.com/x"), ("CopBot:Synthesis:LlmApiKey", "k")));
}
