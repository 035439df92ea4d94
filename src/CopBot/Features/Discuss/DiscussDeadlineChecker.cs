using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Discuss;

/// <summary>
/// For every open discussion: nudges the invitees who have not replied once the thread has been quiet for
/// <see cref="DiscussOptions.QuietAfter"/>, and hands the thread over at the closing date (the shared
/// <see cref="RequestDeadlines{T}"/> over <see cref="DiscussionLifecycle"/>).
/// </summary>
public sealed class DiscussDeadlineChecker(RequestDeadlines<Discussion> deadlines) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken) => deadlines.RunOnceAsync(cancellationToken);
}
