using CopBot.Community;
using CopBot.Features.Query;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Requests;

/// <summary>
/// When an invitee declines (a reviewer's Decline, a discussion's or a role's "Not now"), the next-ranked member not
/// yet invited takes their place, as a declined query goes to the next expert. The candidates are ranked before the
/// decline is written and one is picked inside the same ETag-guarded write that records the decline, on the freshest
/// state: a repeated or redelivered decline (already recorded) replaces nobody again, two declines at once get two
/// different people, and nobody is ever invited twice or is the requester. The modality then sends its invitation to
/// the invitees not reached yet, which also resumes one a crash interrupted.
/// </summary>
public sealed class DeclinerReplacement(IExpertFinder finder, IOptions<QueryOptions> community)
{
    /// <summary>Ranked beyond those already invited, so declines racing each other still find someone.</summary>
    private const int Spare = 5;

    /// <summary>The members who could take a decliner's place, best first: never the requester nor anyone invited.</summary>
    public async Task<IReadOnlyList<ExpertMatch>> RankAsync(QueryText request, string requesterId, IReadOnlyCollection<IInvitee> invited, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invited);
        var search = await finder.FindAsync(community.Value.Community, request, requesterId, invited.Count + Spare, cancellationToken);
        return [.. search.Matches.Where(m => IsFree(m, invited, requesterId))];
    }

    /// <summary>Inside the decline's write: the best candidate still not invited on the state being written, or null.</summary>
    public static ExpertMatch? Next(IReadOnlyList<ExpertMatch> ranked, IReadOnlyCollection<IInvitee> invited, string requesterId)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.FirstOrDefault(m => IsFree(m, invited, requesterId));
    }

    /// <summary>The thread card's line about replacements ("Grace was invited in place of Kalani."), or null.</summary>
    public static string? Note(IEnumerable<IInvitee> invitees)
    {
        var lines = invitees.Where(i => i.InPlaceOf is not null).Select(i => $"{i.Name} was invited in place of {i.InPlaceOf}").ToList();
        return lines.Count == 0 ? null : string.Join("; ", lines) + ".";
    }

    private static bool IsFree(ExpertMatch candidate, IReadOnlyCollection<IInvitee> invited, string requesterId) =>
        candidate.ExpertId != requesterId && !invited.Any(i => IsSamePerson(i, candidate));

    /// <summary>As each invitee record's Is: the profile id, or the Entra object id on either side.</summary>
    private static bool IsSamePerson(IInvitee invitee, ExpertMatch candidate) =>
        invitee.MemberId == candidate.ExpertId
        || string.Equals(invitee.MemberId, candidate.AadObjectId, StringComparison.OrdinalIgnoreCase)
        || (invitee.AadObjectId is not null && (string.Equals(invitee.AadObjectId, candidate.ExpertId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(invitee.AadObjectId, candidate.AadObjectId, StringComparison.OrdinalIgnoreCase)));
}
