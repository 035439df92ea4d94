using System.ComponentModel.DataAnnotations;

namespace CopBot.Features.Synthesis;

/// <summary>Synthesis settings under <c>CopBot:Synthesis</c>. Without an LLM key the offline extractive engine drafts alone.</summary>
public sealed class SynthesisOptions
{
    public const string Section = "CopBot:Synthesis";

    /// <summary>An OpenAI-compatible chat completions URL (Azure OpenAI: <c>https://{resource}.openai.azure.com/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21</c>).</summary>
    public Uri? LlmEndpoint { get; set; }

    /// <summary>The key of that endpoint; empty = no LLM (the extractive engine is used).</summary>
    public string? LlmApiKey { get; set; }

    /// <summary>Model or deployment name sent with each request.</summary>
    public string? LlmModel { get; set; }

    /// <summary>How long the model may take before the extractive draft is used instead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan LlmTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsLlmConfigured => LlmEndpoint is not null && !string.IsNullOrWhiteSpace(LlmApiKey);
}
