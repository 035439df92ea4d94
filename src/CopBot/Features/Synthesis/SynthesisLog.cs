namespace CopBot.Features.Synthesis;

/// <summary>Log messages of the synthesis feature (event ids 750-769, kept apart from Hosting/Log.cs).</summary>
internal static partial class SynthesisLog
{
    [LoggerMessage(750, LogLevel.Warning, "Synthesis of {RequestId}: the language model draft was not used ({Reason}); the extractive draft is used instead.")]
    public static partial void LlmFallback(ILogger logger, string requestId, string reason);

    [LoggerMessage(751, LogLevel.Information, "Synthesis of {RequestId} drafted by {Engine} for {FacilitatorId}.")]
    public static partial void Drafted(ILogger logger, string requestId, string engine, string facilitatorId);

    [LoggerMessage(752, LogLevel.Information, "Synthesis of {RequestId} published by {FacilitatorId}: {Contributors} contributors credited.")]
    public static partial void Published(ILogger logger, string requestId, string facilitatorId, int contributors);
}
