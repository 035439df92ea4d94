using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>
/// The outbox handler that writes a contribution into the member's profile history (kind <c>profile.history</c>).
/// The item is keyed (see <see cref="ProfileHistory"/>) and written with the profile's ETag read-modify-write, so a
/// repeated message records it once. This instance's routing index sees it at once; other instances at their next
/// index refresh, which re-reads the stored histories.
/// </summary>
public sealed class ProfileHistoryDelivery(IProfileStore profiles, MemberProfiles members, ExpertIndexHolder index, ILogger<ProfileHistoryDelivery> logger) : IOutboxHandler
{
    public const string HistoryKind = "profile.history";

    public string Kind => HistoryKind;

    /// <summary>
    /// Adds the item to the member's profile, found by id or else by Entra object id. A member without a profile gets
    /// a minimal one (member role, no skills) holding the item: they answered, so routing may now ask them, and the
    /// <c>profile</c> card lets them set open requests to 0 if they would rather not.
    /// </summary>
    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (community, memberId, aadObjectId, name, item) = message.PayloadAs<ProfileHistoryPayload>();
        var id = await ProfileIdAsync(community, memberId, aadObjectId, cancellationToken);
        var written = await profiles.UpdateAsync(community, id, stored => stored is null
            ? new ExpertProfile(community, id, name, [], [CommunityRole.Member]) { AadObjectId = aadObjectId, History = [item] }
            : ProfileHistory.Record(stored, item),
            cancellationToken);
        if (written is null)
        {
            return id;
        }

        if (written.Community == index.Current.Community)
        {
            index.Apply([written]);
        }

        ProfileHistoryLog.Recorded(logger, item.Key!, id, written.History.Count);
        return id;
    }

    /// <summary>Nothing to record beyond the profile itself.</summary>
    public Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;

    // A member found by Teams id keeps that id; one found only by Entra id is recorded on their imported profile.
    private async Task<string> ProfileIdAsync(string community, string memberId, string? aadObjectId, CancellationToken cancellationToken) =>
        (await members.FindAsync(community, memberId, aadObjectId, cancellationToken))?.Id ?? memberId;
}

/// <summary>Log events of the answer history (ids 960–969, apart from the others so features merge without clashes).</summary>
internal static partial class ProfileHistoryLog
{
    [LoggerMessage(EventId = 960, Level = LogLevel.Information, Message = "History item {Key} recorded for {ProfileId} ({Count} items)")]
    public static partial void Recorded(ILogger logger, string key, string profileId, int count);
}
