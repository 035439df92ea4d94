using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>
/// The buttons of the discussion cards. Every action is checked against the stored discussion and the sender, never
/// the card's data alone: a forged id or a stranger's click is refused with a reason and changes nothing.
/// </summary>
public sealed class DiscussResponses(
    IDiscussionStore discussions,
    RequestAuthorization authorization,
    DiscussHandOver handOver,
    DiscussFlow flow,
    DeclinerReplacement replacement,
    ThreadPoster poster,
    IOptions<QueryOptions> community,
    IOptions<DiscussOptions> options,
    TimeProvider clock)
{
    public const string NotInvited = "Only the members invited to this discussion can answer this invitation.";

    /// <summary>"Not now" on the 1:1 invitation: no nudges for this member; the card says so.</summary>
    public async Task<CardActionResult> NotNowAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var discussion = await LoadAsync(action, cancellationToken);
        if (discussion is null)
        {
            return CardActionGuard.Unknown();
        }

        var from = turn.Activity.From!;
        var invitee = discussion.Find(from.Id, from.AadObjectId);
        if (invitee is null)
        {
            return CardActionGuard.Forbidden(NotInvited);
        }

        if (discussion.Status != DiscussionStatus.Open)
        {
            return CardActionResult.Replace(NoticeCard.Build("This discussion is closed", discussion.Topic, NoticeKind.Info));
        }

        // The next-ranked member not yet invited takes the place, picked in the same write (see DeclinerReplacement).
        var ranked = invitee.State == InviteState.Invited
            ? await replacement.RankAsync(DiscussFlow.RequestText(discussion.Topic, discussion.FramingQuestion), discussion.RequesterId, discussion.Invitees, cancellationToken)
            : [];
        var stored = await discussions.UpdateAsync(discussion.Community, discussion.Id, d =>
            d.Find(from.Id, from.AadObjectId) is { State: InviteState.Invited } current ? WithReplacement(d.With(current with { State = InviteState.NotNow }), current, ranked) : null,
            cancellationToken) ?? discussion;
        stored = await flow.InvitePendingAsync(stored, cancellationToken);
        await poster.UpdateCardAsync(stored.Place, stored.TopicCardActivityId, DiscussCards.Topic(stored, clock.GetUtcNow(), options.Value.MaxDuration), "Discussion", cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("No problem", $"You will not be reminded about \"{stored.Topic}\". You can still join the thread any time before it closes.", NoticeKind.Info));
    }

    private static Discussion WithReplacement(Discussion d, DiscussionInvitee decliner, IReadOnlyList<ExpertMatch> ranked) =>
        DeclinerReplacement.Next(ranked, d.Invitees, d.RequesterId) is { } next
            ? d with { Invitees = [.. d.Invitees, new DiscussionInvitee(next.ExpertId, next.Name, next.Why) { AadObjectId = next.AadObjectId, InPlaceOf = decliner.Name }] }
            : d;

    /// <summary>Close now: the thread is handed to the facilitators as at the closing date.</summary>
    public async Task<CardActionResult> CloseAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (discussion, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var closed = discussion!.Status == DiscussionStatus.Open
            ? await handOver.HandOverAsync(discussion, turn.Activity.From!.Name ?? "the requester", cancellationToken)
            : discussion;
        return CardActionResult.Replace(DiscussCards.Topic(closed, clock.GetUtcNow(), options.Value.MaxDuration));
    }

    /// <summary>A later closing date (yyyy-MM-dd, after the current one, within the maximum).</summary>
    public async Task<CardActionResult> ExtendAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (discussion, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (discussion!.Status != DiscussionStatus.Open)
        {
            return CardActionGuard.Closed();
        }

        var (closesAt, error) = flow.ParseClosingDate(action.GetString(DiscussCardKeys.ClosesOn) ?? string.Empty, discussion.ClosesAt);
        if (error is not null)
        {
            return CardActionGuard.BadInput(error);
        }

        var extended = await discussions.UpdateAsync(discussion.Community, discussion.Id, d =>
            d.Status == DiscussionStatus.Open && d.ClosesAt < closesAt ? d with { ClosesAt = closesAt } : null, cancellationToken) ?? discussion;
        return CardActionResult.Replace(DiscussCards.Topic(extended, clock.GetUtcNow(), options.Value.MaxDuration));
    }

    /// <summary>Cancel: closed without a hand-over; invitations are retired.</summary>
    public async Task<CardActionResult> CancelAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (discussion, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var by = turn.Activity.From!.Name ?? "the requester";
        var cancelled = await discussions.UpdateAsync(discussion!.Community, discussion.Id, d =>
            d.Status == DiscussionStatus.Open ? d with { Status = DiscussionStatus.Cancelled, ClosedBy = by } : null, cancellationToken) ?? discussion;
        if (discussion.Status == DiscussionStatus.Open)
        {
            await handOver.AfterClosingAsync(cancelled, cancellationToken);
        }

        return CardActionResult.Replace(DiscussCards.Topic(cancelled, clock.GetUtcNow(), options.Value.MaxDuration));
    }

    private async Task<(Discussion? Discussion, CardActionResult? Refusal)> SteerableAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var discussion = await LoadAsync(action, cancellationToken);
        if (discussion is null)
        {
            return (null, CardActionGuard.Unknown());
        }

        return await authorization.IsRequesterOrFacilitatorAsync(discussion.Community, discussion.RequesterId, turn.Activity.From!, cancellationToken)
            ? (discussion, null)
            : (discussion, CardActionGuard.Forbidden(CardActionGuard.NotAllowedToSteer));
    }

    private async Task<Discussion?> LoadAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        CardActionGuard.RequestId(action, DiscussCardKeys.RequestId) is { } id
            ? await discussions.GetAsync(community.Value.Community, id, cancellationToken)
            : null;
}
