using CopBot.Community;
using Microsoft.Extensions.AI;

namespace CopBot.Features.Synthesis;

/// <summary>
/// Drafts with a language model, grounded in the numbered contributions; any failure (error, timeout, an answer that
/// is not the JSON asked for or cites nothing real) falls back to the extractive draft, so synthesis always works.
/// </summary>
public sealed class LlmSynthesisEngine(IChatClient client, ExtractiveSynthesizer fallback, TimeSpan timeout, ILogger<LlmSynthesisEngine> logger) : ISynthesisEngine
{
    public async Task<SynthesisDraft> SynthesizeAsync(SynthesisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contributions.Count == 0)
        {
            return fallback.Synthesize(request, cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var response = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.System, SynthesisPrompt.System), new ChatMessage(ChatRole.User, SynthesisPrompt.User(request))],
                new ChatOptions { ResponseFormat = ChatResponseFormat.Json, Temperature = 0.2f },
                deadline.Token);
            if (LlmDraftParser.TryParse(response.Text, request, fallback.Options) is { } draft)
            {
                return draft;
            }

            SynthesisLog.LlmFallback(logger, request.Id, "the answer was not a grounded draft");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            SynthesisLog.LlmFallback(logger, request.Id, $"no answer within {timeout.TotalSeconds:0} s");
        }
#pragma warning disable CA1031 // Any failure of the optional engine must leave the facilitator with the offline draft.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            SynthesisLog.LlmFallback(logger, request.Id, ex.GetType().Name + ": " + ex.Message);
        }

        return fallback.Synthesize(request, cancellationToken);
    }
}
