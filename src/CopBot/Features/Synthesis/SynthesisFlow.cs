using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Synthesis;

/// <summary>
/// Starting a synthesis: <c>synthesize</c> in a request's thread (or <c>synthesize &lt;request id&gt;</c>), or the
/// Synthesize button on the request's card. Facilitators only; the draft goes to the facilitator 1:1 and is stored,
/// so nothing is public until they publish.
/// </summary>
public sealed class SynthesisFlow(
    IEnumerable<ISynthesisSource> sources,
    ISynthesisEngine engine,
    ISynthesisStore store,
    Facilitators facilitators,
    FacilitatorChat chat,
    IOptions<QueryOptions> options,
    TimeProvider clock,
    ILogger<SynthesisFlow> logger)
{
    public const string NoRequest = "Type synthesize in the thread of a request, or synthesize followed by the request id.";
    public const string NotARequestThread = "This thread is not one of the requests I routed. Type synthesize in the thread of a query, or synthesize followed by the request id.";
    public const string Unreachable = "I could not reach you in a 1:1 chat to send the draft. Install CopBot for yourself (or say hi to me in chat), then try again.";

    /// <summary>The outcome of a start: the message for the facilitator and whether it was refused.</summary>
    public sealed record StartOutcome(int StatusCode, string Message);

    public async Task SynthesizeCommandAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var typed = turn.Command.Argument is { Length: > 0 } argument ? argument.Split(' ')[0] : null;
        var requestId = typed ?? RequestOfThread(turn.Activity);
        var outcome = requestId is null ? new StartOutcome(StatusCodes.Status400BadRequest, NoRequest) : await StartAsync(turn.Activity, requestId, cancellationToken);
        if (typed is null && outcome.StatusCode == StatusCodes.Status404NotFound)
        {
            // The id was derived from the thread, not typed: say what the member can act on.
            outcome = outcome with { Message = NotARequestThread };
        }

        if (outcome.StatusCode != StatusCodes.Status200OK || turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            await turn.ReplyAsync(outcome.Message, cancellationToken);
        }
    }

    public async Task<CardActionResult> SynthesizeFromCardAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        if (action.GetString(SynthesisCardKeys.RequestId) is not { Length: > 0 and <= 100 } requestId)
        {
            return CardActionResult.Refuse(StatusCodes.Status400BadRequest, NoRequest);
        }

        var outcome = await StartAsync(turn.Activity, requestId, cancellationToken);
        return outcome.StatusCode == StatusCodes.Status200OK ? CardActionResult.Say(outcome.Message) : CardActionResult.Refuse(outcome.StatusCode, outcome.Message);
    }

    public async Task<StartOutcome> StartAsync(Activity activity, string requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var community = options.Value.Community;
        var person = activity.From!;
        var facilitator = await facilitators.FindAsync(community, person, cancellationToken);
        if (facilitator is null)
        {
            return new StartOutcome(StatusCodes.Status403Forbidden, Facilitators.Refusal);
        }

        var subject = await FindAsync(sources, community, requestId, cancellationToken);
        if (subject is null)
        {
            return new StartOutcome(StatusCodes.Status404NotFound, $"I cannot find a request with the id \"{Shorten(requestId)}\".");
        }

        if (await store.GetAsync(community, requestId, cancellationToken) is { Status: SynthesisStatus.Publishing or SynthesisStatus.Published })
        {
            return new StartOutcome(StatusCodes.Status409Conflict, "A consolidated reply to this request has already been published in its thread.");
        }

        var draft = await engine.SynthesizeAsync(subject.Request, cancellationToken);
        var record = await store.SaveDraftAsync(
            new SynthesisRecord(community, requestId, subject.Request.Modality, facilitator.Id, facilitator.Name, 0, draft, subject.Place, clock.GetUtcNow()),
            cancellationToken);
        if (record.Status != SynthesisStatus.Draft)
        {
            return new StartOutcome(StatusCodes.Status409Conflict, "A consolidated reply to this request has just been published in its thread.");
        }

        var sent = await chat.SendCardAsync(activity, person, SynthesisCards.Draft(record), "Draft consolidated reply", cancellationToken);
        if (sent is not { } card)
        {
            return new StartOutcome(StatusCodes.Status409Conflict, Unreachable);
        }

        await store.UpdateAsync(community, requestId, r => r.Version == record.Version ? r with { DraftConversationId = card.ConversationId, DraftActivityId = card.ActivityId } : null, cancellationToken);
        SynthesisLog.Drafted(logger, requestId, draft.Engine, facilitator.Id);
        return new StartOutcome(StatusCodes.Status200OK, $"I sent you a draft consolidated reply of {draft.Statistics.Contributions} contributions in our 1:1 chat. Edit it there and publish.");
    }

    internal static async Task<SynthesisSubject?> FindAsync(IEnumerable<ISynthesisSource> sources, string community, string requestId, CancellationToken cancellationToken)
    {
        foreach (var source in sources)
        {
            if (await source.FindAsync(community, requestId, cancellationToken) is { } subject)
            {
                return subject;
            }
        }

        return null;
    }

    /// <summary>In a channel thread, the query asked by the thread's root message.</summary>
    private static string? RequestOfThread(Activity activity) =>
        activity.Conversation?.Id is { } conversation && TeamsThread.RootActivityId(conversation) is { } root
            ? QueryIds.From(activity.ChannelId ?? "", conversation, root)
            : null;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
