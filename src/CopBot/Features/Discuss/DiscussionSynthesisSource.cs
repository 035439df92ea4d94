using CopBot.Community;
using CopBot.Features.Synthesis;

namespace CopBot.Features.Discuss;

/// <summary>
/// Discussions as synthesis subjects: the thread replies stored as contributions, organisations from the profiles.
/// A discussion is handed to the facilitators when it closes, so publishing a synthesis leaves it closed.
/// </summary>
public sealed class DiscussionSynthesisSource(IDiscussionStore discussions, IContributionStore contributions, IProfileStore profiles) : ISynthesisSource
{
    public async Task<SynthesisSubject?> FindAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var discussion = await discussions.GetAsync(community, requestId, cancellationToken);
        if (discussion is null)
        {
            return null;
        }

        var replies = await contributions.ListContributionsAsync(discussion.Id, cancellationToken);
        var organizations = await ContributorOrganizations.ReadAsync(profiles, community, replies.Select(c => c.AuthorId).Append(discussion.RequesterId), cancellationToken);

        var text = discussion.FramingQuestion is { Length: > 0 } framing ? $"{discussion.Topic}\n{framing}" : discussion.Topic;
        var request = new SynthesisRequest(
            community,
            discussion.Id,
            "discuss",
            text,
            new Contributor(discussion.RequesterId, discussion.RequesterName, organizations[discussion.RequesterId]),
            discussion.CreatedAt,
            [.. replies.Select(c => new SynthesisContribution(c.ActivityId, new Contributor(c.AuthorId, c.AuthorName, organizations[c.AuthorId]), c.Text, c.At))]);
        return new SynthesisSubject(request, discussion.Place, discussion.Status != DiscussionStatus.Open, discussion.Tags);
    }

    /// <summary>Closes a discussion still open (a facilitator synthesising early); a closed or cancelled one stays as it is.</summary>
    public async Task CloseAsync(string community, string requestId, CancellationToken cancellationToken) =>
        await discussions.UpdateAsync(community, requestId, d => d.Status == DiscussionStatus.Open ? d with { Status = DiscussionStatus.Closed } : null, cancellationToken);
}
