namespace CopBot.Community;

public enum DiscussionStep
{
    /// <summary>Nobody has written for a while: nudge the invitees who have not replied, once.</summary>
    Nudge,

    /// <summary>The closing date has passed: hand the thread to the facilitators and close.</summary>
    HandOver,
}

/// <summary>What a discussion's clock asks for now. Pure, so the timing rules are tested without storage.</summary>
public static class DiscussionDeadlines
{
    public static DiscussionStep? Due(Discussion discussion, DateTimeOffset now, TimeSpan quietAfter)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        if (discussion.Status != DiscussionStatus.Open)
        {
            return null;
        }

        if (now >= discussion.ClosesAt)
        {
            return DiscussionStep.HandOver;
        }

        var lastActivity = discussion.LastContributionAt ?? discussion.CreatedAt;
        return discussion.NudgedAt is null && now - lastActivity >= quietAfter
            && discussion.Invitees.Any(i => i.State == InviteState.Invited)
            ? DiscussionStep.Nudge
            : null;
    }
}
