using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>
/// Makes what a member contributes through the bot (an answer, a discussion reply, a review) part of their profile
/// history, so routing learns from live answers the way the evaluation's rolling split assumes. The item is keyed
/// (see <see cref="ProfileHistory"/>) and written with the profile's ETag read-modify-write, so a redelivery or a
/// retry after a storage error records it once. This instance's routing index sees it at once; other instances at
/// their next index refresh, which re-reads the stored histories.
/// </summary>
public sealed class AnswerHistoryRecorder(IProfileStore profiles, ExpertIndexHolder index, ILogger<AnswerHistoryRecorder> logger)
{
    /// <summary>
    /// Adds the item to the member's profile, found by id or else by Entra object id. A member without a profile gets
    /// a minimal one (member role, no skills) holding the item: they answered, so routing may now ask them, and the
    /// <c>profile</c> card lets them set open requests to 0 if they would rather not.
    /// </summary>
    public async Task RecordAsync(
        string community, string memberId, string? aadObjectId, string name, AnsweredQuestion item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = await ProfileIdAsync(community, memberId, aadObjectId, cancellationToken);
        var written = await profiles.UpdateAsync(community, id, stored => stored is null
            ? new ExpertProfile(community, id, name, [], [CommunityRole.Member]) { AadObjectId = aadObjectId, History = [item] }
            : ProfileHistory.Record(stored, item),
            cancellationToken);
        if (written is null)
        {
            return;
        }

        if (written.Community == index.Current.Community)
        {
            index.Apply([written]);
        }

        ProfileHistoryLog.Recorded(logger, item.Key!, id, written.History.Count);
    }

    private async Task<string> ProfileIdAsync(string community, string memberId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (await profiles.GetAsync(community, memberId, cancellationToken) is not null || aadObjectId is null)
        {
            return memberId;
        }

        return (await profiles.FindByAadObjectIdAsync(community, aadObjectId, cancellationToken))?.Id ?? memberId;
    }
}

/// <summary>Log events of the answer history (ids 960–969, apart from the others so features merge without clashes).</summary>
internal static partial class ProfileHistoryLog
{
    [LoggerMessage(EventId = 960, Level = LogLevel.Information, Message = "History item {Key} recorded for {ProfileId} ({Count} items)")]
    public static partial void Recorded(ILogger logger, string key, string profileId, int count);
}
