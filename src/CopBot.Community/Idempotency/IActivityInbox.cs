namespace CopBot.Community;

/// <summary>
/// Activities acknowledged before they are handled. Accepting one keeps it as <em>unfinished</em> under a token naming
/// this delivery (the one write before the acknowledgement); its turn then claims it for that delivery (as
/// <see cref="IProcessedActivityStore.TryBeginAsync"/> does, so a redelivery of an activity handled before is found out
/// and dropped) and completes it at the end. A bot instance that dies in between leaves it unfinished; once its lease
/// runs out, any instance takes it over, claims it for the same delivery and runs the turn again, so an acknowledged
/// activity is never lost.
/// </summary>
public interface IActivityInbox
{
    /// <summary>
    /// The largest activity body (in characters) the inbox keeps; a larger one cannot be accepted and is handled
    /// within its HTTP request instead.
    /// </summary>
    int MaxActivityLength { get; }

    /// <summary>
    /// Keeps the activity unfinished, leased to this caller for <paramref name="lease"/>: what must be stored before the
    /// acknowledgement. Null when a delivery of the same activity is unfinished already (its turn answers).
    /// </summary>
    Task<UnfinishedActivity?> TryAcceptAsync(InboundActivity activity, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Claims an accepted (or taken-over) activity for its delivery before its turn runs. True when the claim is this
    /// delivery's (made now, or found: an earlier turn of this delivery claimed it and died); false when an earlier
    /// delivery claimed the activity, i.e. it was handled before: the kept copy is dropped and the turn must not run.
    /// </summary>
    Task<bool> TryClaimAsync(UnfinishedActivity accepted, CancellationToken cancellationToken);

    /// <summary>The turn is done: the activity stops being unfinished (its claim stays). Completing twice is harmless.</summary>
    Task CompleteAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Unfinished activities whose lease has run out, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<UnfinishedActivity>> ListStaleAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Leases a stale activity to this caller for <paramref name="lease"/> and counts the attempt. Of several instances
    /// taking over the same activity exactly one succeeds; the others get null, and so does a caller holding an
    /// out-of-date copy or one the turn completed meanwhile.
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
/// <param name="Delivery">The token of the delivery that kept it; its claim carries the same token.</param>
/// <param name="Version">The storage version read (an ETag; empty right after accepting): taking over or abandoning succeeds only on this version.</param>
public sealed record UnfinishedActivity(InboundActivity Activity, DateTimeOffset ReceivedAt, int Attempts, string Delivery, string Version);
