using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Features.Stats;
using CopBot.Features.Synthesis;
using CopBot.Protocol;
using CopBot.Protocol.Connector;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Digest;

/// <summary>
/// <c>digest [days | from to]</c>: a facilitator's private preview of the community digest, by default of the period
/// under way (what the next digest will say so far), otherwise of the period <c>stats</c> would take. Always sent 1:1.
/// </summary>
public sealed class DigestFeature(
    DigestReader reader,
    RequestAuthorization authorization,
    FacilitatorChat chat,
    IOptions<DigestOptions> options,
    IOptions<QueryOptions> queryOptions,
    TimeProvider clock) : IBotFeature
{
    public const string NotAllowed = "The digest preview is for the community's facilitators.";
    public const string SentPrivately = "I sent you the digest preview in our 1:1 chat.";
    public const string CannotReach = "I cannot reach you 1:1 yet: open a chat with me and type digest there.";

    public IEnumerable<TurnRoute> Routes =>
        [new("digest", t => t.Activity.Type == ActivityTypes.Message && t.CardActionRequest is null && t.Command.Is("digest"), PreviewAsync)];

    public IEnumerable<CardActionRoute> CardActions => [];

    private async Task PreviewAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var community = queryOptions.Value.Community;
        var from = turn.Activity.From!;
        if (!await authorization.IsFacilitatorAsync(community, from, cancellationToken))
        {
            await turn.ReplyAsync(NotAllowed, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        DigestPeriod period;
        if (string.IsNullOrWhiteSpace(turn.Command.Argument))
        {
            period = options.Value.Schedule.SoFar(now);
        }
        else if (StatsPeriod.TryParse(turn.Command.Argument, now, out var start, out var end, out var error))
        {
            period = new DigestPeriod(start, end);
        }
        else
        {
            await turn.ReplyAsync(error.Replace("stats", "digest", StringComparison.Ordinal), cancellationToken);
            return;
        }

        var digest = await reader.ReadAsync(community, period, cancellationToken);
        (string, string)? sent;
        try
        {
            sent = await chat.SendCardAsync(turn.Activity, from, DigestCards.Build(digest, preview: true), "Digest preview", cancellationToken);
        }
        catch (ConnectorException) when (turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            // Typically the app is not installed for them personally: the preview is never shown in the channel instead.
            sent = null;
        }

        if (turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            await turn.ReplyAsync(sent is null ? CannotReach : SentPrivately, cancellationToken);
        }
    }
}
