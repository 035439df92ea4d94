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
    IOptions<DiscussOptions> options,
    ILogger<DiscussionLifecycle> logger) : RequestLifecycle<Discussion>(discussions)
{
    public override string Modality => DiscussFlow.Modality;

    public override string RequestIdKey => DiscussCardKeys.RequestId;

    public override string ExtendDateKey => DiscussCardKeys.ClosesOn;

    public override TimeSpan MaxDuration => options.Value.MaxDuration;

    public override string Name => "Discussion";

    public override string ClosedByClock => "closing date";

    public override bool IsOpen(Discussion request) => request.Status == DiscussionStatus.Open;

    public override DateTimeOffset ClosesAt(Discussion request) => request.ClosesAt;

    public override Discussion WithClosesAt(Discussion request, DateTimeOffset closesAt) => request with { ClosesAt = closesAt };

    public override Discussion Cancelled(Discussion request, string by) => request with { Status = DiscussionStatus.Cancelled, ClosedBy = by };

    public override Discussion Closed(Discussion request, string by) => request with { Status = DiscussionStatus.Closed, ClosedBy = by };

    public override DateTimeOffset? ClosingStartedAt(Discussion request) => request.HandOverStartedAt;

    public override Discussion WithClosingStarted(Discussion request, DateTimeOffset at) => request with { HandOverStartedAt = at };

    public override DateTimeOffset? RemindedAt(Discussion request) => request.NudgedAt;

    public override Discussion WithReminded(Discussion request, DateTimeOffset at) => request with { NudgedAt = at };

    /// <summary>A discussion nudges once, whatever its closing date.</summary>
    public override string ReminderRound(Discussion request) => "quiet";

    public override RequestStep? Due(Discussion request, DateTimeOffset now) => DiscussionDeadlines.Due(request, now, options.Value.QuietAfter) switch
    {
        DiscussionStep.HandOver => RequestStep.Close,
        DiscussionStep.Nudge => RequestStep.Remind,
        _ => null,
    };

    public override string? ThreadCardActivityId(Discussion request) => request.TopicCardActivityId;

    public override AdaptiveCard ThreadCard(Discussion request, DateTimeOffset now) => DiscussCards.Topic(request, now, options.Value.MaxDuration);

    /// <summary>The hand-over: the ready-for-synthesis card in the thread and to the facilitators.</summary>
    public override ClosingNotice Closing(Discussion request) =>
        new(DiscussCards.ReadyForSynthesis(request), "Ready for synthesis", "this discussion has closed and is ready for your synthesis.", PostInThread: true);

    public override Task<IReadOnlyList<OutreachTarget>> ClosingRecipientsAsync(Discussion claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return FacilitatorsAsync(authorization, claimed.Community, cancellationToken);
    }

    /// <summary>Only the invitations nobody answered; those who replied or said not now keep their card.</summary>
    public override IEnumerable<(string MemberId, OutreachResult ReachedBy, AdaptiveCard Notice)> CardsToRetire(Discussion closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var notice = NoticeCard.Build("This discussion is closed", closed.Topic, NoticeKind.Info);
        return closed.Invitees.Where(i => i.State == InviteState.Invited).Select(i => (i.MemberId, OutreachResult.Of(i), notice));
    }

    public override IEnumerable<PendingReminder> Reminders(Discussion request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var until = DiscussCards.Date(request.ClosesAt);
        var topic = request.Topic.Length <= 120 ? request.Topic : request.Topic[..120] + "…";
        return RemindersTo(
            request.Invitees.Where(i => i.State == InviteState.Invited),
            $"Reminder: the discussion \"{topic}\" is quiet so far and your experience would help. Join it from the card above (open until {until}).",
            $"reminder: your experience would help this discussion. Reply in this thread (open until {until}).");
    }

    public override void LogClosed(Discussion closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        DiscussLog.HandedOver(logger, closed.Id);
    }

    public override void LogCheckFailed(Exception exception, string id) => DiscussLog.DeadlineCheckFailed(logger, exception, id);
}
