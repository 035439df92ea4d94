using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>
/// A discussion for the shared request mechanics: it closes at its closing date by handing the thread to the
/// facilitators (the "ready for synthesis" card in the thread and to each of them), and a quiet thread nudges the
/// invitees who have not replied.
/// </summary>
public sealed class DiscussionLifecycle(
    IDiscussionStore discussions,
    RequestAuthorization authorization,
    MemberOutreach outreach,
    ThreadPoster poster,
    IOptions<DiscussOptions> options,
    ILogger<DiscussionLifecycle> logger) : RequestLifecycle<Discussion>
{
    public override string RequestIdKey => DiscussCardKeys.RequestId;

    public override string ExtendDateKey => DiscussCardKeys.ClosesOn;

    public override TimeSpan MaxDuration => options.Value.MaxDuration;

    public override string Name => "Discussion";

    public override string ClosedByClock => "closing date";

    public override Task<Discussion?> GetAsync(string community, string id, CancellationToken cancellationToken) => discussions.GetAsync(community, id, cancellationToken);

    public override Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => discussions.ListOpenAsync(community, cancellationToken);

    public override Task<Discussion?> UpdateAsync(string community, string id, Func<Discussion, Discussion?> change, CancellationToken cancellationToken) =>
        discussions.UpdateAsync(community, id, change, cancellationToken);

    public override bool IsOpen(Discussion request) => request.Status == DiscussionStatus.Open;

    public override DateTimeOffset ClosesAt(Discussion request) => request.ClosesAt;

    public override Discussion WithClosesAt(Discussion request, DateTimeOffset closesAt) => request with { ClosesAt = closesAt };

    public override Discussion Cancelled(Discussion request, string by) => request with { Status = DiscussionStatus.Cancelled, ClosedBy = by };

    public override Discussion Closed(Discussion request, string by) => request with { Status = DiscussionStatus.Closed, ClosedBy = by };

    public override DateTimeOffset? ClosingStartedAt(Discussion request) => request.HandOverStartedAt;

    public override Discussion WithClosingStarted(Discussion request, DateTimeOffset at) => request with { HandOverStartedAt = at };

    public override DateTimeOffset? RemindedAt(Discussion request) => request.NudgedAt;

    public override Discussion WithReminded(Discussion request, DateTimeOffset at) => request with { NudgedAt = at };

    public override RequestStep? Due(Discussion request, DateTimeOffset now) => DiscussionDeadlines.Due(request, now, options.Value.QuietAfter) switch
    {
        DiscussionStep.HandOver => RequestStep.Close,
        DiscussionStep.Nudge => RequestStep.Remind,
        _ => null,
    };

    public override string? ThreadCardActivityId(Discussion request) => request.TopicCardActivityId;

    public override AdaptiveCard ThreadCard(Discussion request, DateTimeOffset now) => DiscussCards.Topic(request, now, options.Value.MaxDuration);

    /// <summary>The hand-over: the ready-for-synthesis card in the thread and to the facilitators.</summary>
    public override async Task SendClosingAsync(Discussion claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var card = DiscussCards.ReadyForSynthesis(claimed);
        await poster.PostCardAsync(claimed.Place, card, "Ready for synthesis", cancellationToken);
        foreach (var facilitator in await authorization.FacilitatorsAsync(claimed.Community, 3, cancellationToken))
        {
            await outreach.ReachAsync(claimed.Place, new OutreachTarget(facilitator.Id, facilitator.Name, facilitator.AadObjectId), card,
                "Ready for synthesis", "this discussion has closed and is ready for your synthesis.", cancellationToken);
        }
    }

    /// <summary>Only the invitations nobody answered; those who replied or said not now keep their card.</summary>
    public override IEnumerable<(OutreachResult ReachedBy, AdaptiveCard Notice)> CardsToRetire(Discussion closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var notice = NoticeCard.Build("This discussion is closed", closed.Topic, NoticeKind.Info);
        return closed.Invitees.Where(i => i.State == InviteState.Invited)
            .Select(i => (new OutreachResult(i.NotifiedBy, i.PersonalConversationId, i.CardActivityId), notice));
    }

    public override IEnumerable<PendingReminder> Reminders(Discussion request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var until = DiscussCards.Date(request.ClosesAt);
        var topic = request.Topic.Length <= 120 ? request.Topic : request.Topic[..120] + "…";
        return request.Invitees.Where(i => i.State == InviteState.Invited).Select(i => new PendingReminder(
            new OutreachTarget(i.MemberId, i.Name, i.AadObjectId),
            new OutreachResult(i.NotifiedBy, i.PersonalConversationId, i.CardActivityId),
            $"Reminder: the discussion \"{topic}\" is quiet so far and your experience would help. Join it from the card above (open until {until}).",
            $"reminder: your experience would help this discussion. Reply in this thread (open until {until})."));
    }

    public override void LogClosed(Discussion closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        DiscussLog.HandedOver(logger, closed.Id);
    }

    public override void LogCheckFailed(Exception exception, string id) => DiscussLog.DeadlineCheckFailed(logger, exception, id);
}
