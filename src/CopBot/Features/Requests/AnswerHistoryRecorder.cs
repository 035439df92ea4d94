using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>
/// Makes what a member contributes through the bot (an answer, a discussion reply, a review) part of their profile
/// history, so routing learns from live answers the way the evaluation's rolling split assumes. The turn only
/// enqueues it (outbox kind <c>profile.history</c>): rewriting a history of up to 100 rows does not belong on the
/// answer's turn, and the outbox retries it after a storage error or a crash.
/// </summary>
public sealed class AnswerHistoryRecorder(IOutbox outbox)
{
    public Task RecordAsync(
        string community, string memberId, string? aadObjectId, string name, AnsweredQuestion item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var payload = new ProfileHistoryPayload(community, memberId, aadObjectId, name, item);
        return outbox.EnqueueAsync(
            [OutboxMessage.Create(ProfileHistoryDelivery.HistoryKind, OutboxMessage.KeyOf(item.Key ?? item.Title, memberId, ProfileHistoryDelivery.HistoryKind), payload)],
            cancellationToken);
    }
}

/// <summary>What <see cref="ProfileHistoryDelivery"/> needs: the member as the turn saw them, and the item to record.</summary>
public sealed record ProfileHistoryPayload(string Community, string MemberId, string? AadObjectId, string Name, AnsweredQuestion Item);
