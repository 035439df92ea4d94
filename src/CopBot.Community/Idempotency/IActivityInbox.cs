namespace CopBot.Community;

/// <summary>
/// Activities acknowledged before they are handled. Accepting one claims it (as
/// <see cref="IProcessedActivityStore.TryBeginAsync"/> does) and, in the same storage transaction, keeps it as
/// <em>unfinished</em> until its turn completes. A bot instance that dies mid-turn leaves it unfinished; once its lease
/// runs out, any instance takes it over and runs the turn again, so an acknowledged activity is never lost.
/// </summary>
public interface IActivityInbox
{
    /// <summary>
    /// The largest activity body (in characters) the inbox keeps; a larger one cannot be accepted and is handled
    /// within its HTTP request instead.
    /// </summary>
    int MaxActivityLength { get; }

    /// <summary>
    /// Claims the activity and keeps it unfinished, leased to this caller for <paramref name="lease"/>. Returns
    /// <see langword="true"/> only for the first delivery; every later or concurrent delivery gets
    /// <see langword="false"/> and stores nothing.
    /// </summary>
    Task<bool> TryAcceptAsync(InboundActivity activity, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The turn is done: the activity stops being unfinished (its claim stays). Completing twice is harmless.</summary>
    Task CompleteAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Unfinished activities whose lease has run out, oldest first within each storage partition, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<UnfinishedActivity>> ListStaleAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Leases a stale activity to this caller for <paramref name="lease"/> and counts the attempt. Of several
    /// instances taking over the same activity exactly one succeeds; the others (and a caller holding an out-of-date
    /// copy, or one the turn completed meanwhile) get null.
    /// </summary>
    Task<UnfinishedActivity?> TryTakeOverAsync(UnfinishedActivity stale, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Gives up on an activity whose turn failed too often: it is kept aside for an operator (never retried again) and
    /// stops being unfinished. False when another instance completed or took it over meanwhile.
    /// </summary>
    Task<bool> AbandonAsync(UnfinishedActivity unfinished, CancellationToken cancellationToken);
}

/// <summary>An inbound activity as received: its ids and its JSON body, verbatim.</summary>
public sealed record InboundActivity(string ChannelId, string ConversationId, string ActivityId, string Json);

/// <summary>An activity not handled to the end yet, with how many turns have started on it.</summary>
/// <param name="Version">The storage version read (an ETag): taking over or abandoning succeeds only on this version.</param>
public sealed record UnfinishedActivity(InboundActivity Activity, DateTimeOffset ReceivedAt, int Attempts, string Version);
