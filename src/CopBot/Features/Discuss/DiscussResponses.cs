using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Discuss;

/// <summary>
/// The invitation's button ("Not now"; the topic card's close, extend and cancel are the shared
/// <see cref="RequestSteering{T}"/>). Every action is checked against the stored discussion and the sender, never
/// the card's data alone: a forged id or a stranger's click is refused with a reason and changes nothing.
/// </summary>
public sealed class DiscussResponses(
    IDiscussionStore discussions,
    RequestAccess access,
    PendingInvitations<Discussion> invitations,
    DeclinerReplacement replacement,
    ThreadCardUpdates cards)
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
        stored = await invitations.InvitePendingAsync(stored, cancellationToken);
        await cards.RedrawAsync(DiscussFlow.Modality, stored, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("No problem", $"You will not be reminded about \"{stored.Topic}\". You can still join the thread any time before it closes.", NoticeKind.Info));
    }

    private static Discussion WithReplacement(Discussion d, DiscussionInvitee decliner, IReadOnlyList<ExpertMatch> ranked) =>
        DeclinerReplacement.Next(ranked, d.Invitees, d.RequesterId) is { } next
            ? d with { Invitees = [.. d.Invitees, new DiscussionInvitee(next.ExpertId, next.Name, next.Why) { AadObjectId = next.AadObjectId, InPlaceOf = decliner.Name }] }
            : d;

    private Task<Discussion?> LoadAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        access.LoadAsync(action, DiscussCardKeys.RequestId, discussions.GetAsync, cancellationToken);
}
