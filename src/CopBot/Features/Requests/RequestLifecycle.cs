using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>What a request's clock asks for now.</summary>
public enum RequestStep
{
    /// <summary>Remind (or nudge) the invitees who have not answered, once.</summary>
    Remind,

    /// <summary>The closing date or deadline has passed: close it the modality's way.</summary>
    Close,
}

/// <summary>A reminder to one invitee who has not answered, sent where they were reached.</summary>
public sealed record PendingReminder(OutreachTarget Member, OutreachResult ReachedBy, string PersonalText, string ThreadText);

/// <summary>What closing sends to each recipient (1:1, or @mention with <see cref="MentionText"/>), and whether it is also posted in the thread.</summary>
public sealed record ClosingNotice(AdaptiveCard Card, string Summary, string MentionText, bool PostInThread);

/// <summary>
/// One modality's request with a closing date (discussions, consultations) as the shared mechanics see it: its
/// storage, the few fields they read and write, its thread card, and the steps in which modalities differ (what closing
/// sends, what reminders say). <see cref="RequestClosing{T}"/>, <see cref="RequestSteering{T}"/> and
/// <see cref="RequestDeadlines{T}"/> do the rest once for every modality.
/// </summary>
public abstract class RequestLifecycle<T>(IRequestStore<T> store)
    where T : class, ICommunityRequest
{
    /// <summary>The modality's name in thread registrations and outbox keys ("discuss").</summary>
    public abstract string Modality { get; }

    /// <summary>Card data key of the request id, and the Extend input's key.</summary>
    public abstract string RequestIdKey { get; }

    public abstract string ExtendDateKey { get; }

    /// <summary>The latest closing date accepted, from today.</summary>
    public abstract TimeSpan MaxDuration { get; }

    /// <summary>The thread card's name in notifications ("Discussion").</summary>
    public abstract string Name { get; }

    /// <summary>Who closed it when its clock did ("closing date", "deadline").</summary>
    public abstract string ClosedByClock { get; }

    public Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) => store.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => store.ListOpenAsync(community, cancellationToken);

    /// <summary>The store's ETag read-modify-write: a change returning null writes nothing.</summary>
    public Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken) =>
        store.UpdateAsync(community, id, change, cancellationToken);

    public abstract bool IsOpen(T request);

    public abstract DateTimeOffset ClosesAt(T request);

    public abstract T WithClosesAt(T request, DateTimeOffset closesAt);

    public abstract T Cancelled(T request, string by);

    public abstract T Closed(T request, string by);

    /// <summary>When an instance began closing it (null: nobody yet); a stale claim is retaken.</summary>
    public abstract DateTimeOffset? ClosingStartedAt(T request);

    public abstract T WithClosingStarted(T request, DateTimeOffset at);

    /// <summary>When the one reminder went out (null: not yet).</summary>
    public abstract DateTimeOffset? RemindedAt(T request);

    public abstract T WithReminded(T request, DateTimeOffset at);

    /// <summary>
    /// Which reminder this is, for its outbox key: one per closing date by default (a later date earns a new one), so
    /// two instances' timers or a restarted one enqueue the same key and each invitee is reminded once.
    /// </summary>
    public virtual string ReminderRound(T request) => ClosesAt(request).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public abstract RequestStep? Due(T request, DateTimeOffset now);

    public abstract string? ThreadCardActivityId(T request);

    public abstract AdaptiveCard ThreadCard(T request, DateTimeOffset now);

    /// <summary>Whether the thread card changes after a reminder (a "time left" on it).</summary>
    public virtual bool RedrawAfterReminder => false;

    /// <summary>What closing sends (the hand-over card, the summary): built from the stored request when each is sent.</summary>
    public abstract ClosingNotice Closing(T request);

    /// <summary>Who receives the closing notice, read when closing is claimed (the facilitators, the requester).</summary>
    public abstract Task<IReadOnlyList<OutreachTarget>> ClosingRecipientsAsync(T claimed, CancellationToken cancellationToken);

    /// <summary>The invitees' 1:1 cards to replace once it is closed, each with its notice.</summary>
    public abstract IEnumerable<(string MemberId, OutreachResult ReachedBy, AdaptiveCard Notice)> CardsToRetire(T closed);

    public abstract IEnumerable<PendingReminder> Reminders(T request);

    /// <summary>A reminder to each invitee in <paramref name="pending"/>, sent where they were reached.</summary>
    protected static IEnumerable<PendingReminder> RemindersTo(IEnumerable<IInvitee> pending, string personalText, string threadText) =>
        pending.Select(i => new PendingReminder(OutreachTarget.Of(i), OutreachResult.Of(i), personalText, threadText));

    /// <summary>The community's facilitators as closing recipients (a few: they share the work).</summary>
    protected static async Task<IReadOnlyList<OutreachTarget>> FacilitatorsAsync(RequestAuthorization authorization, string community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return [.. (await authorization.FacilitatorsAsync(community, 3, cancellationToken)).Select(f => new OutreachTarget(f.Id, f.Name, f.AadObjectId))];
    }

    public abstract void LogClosed(T closed);

    public abstract void LogCheckFailed(Exception exception, string id);
}
