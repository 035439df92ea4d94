namespace CopBot.Community;

/// <summary>
/// Who holds an open invitation in one request of each modality, for the <see cref="ExpertProfile.MaxOpenRequests"/>
/// cap: one member id per invitation still waiting for its answer. An invitation stops counting once its invitee
/// answered (joined, reviewed) or declined ("Not now"), or once its request is no longer open. Pure.
/// </summary>
public static class OpenInvitations
{
    /// <summary>Invitees of an open discussion who have neither replied in the thread nor pressed "Not now".</summary>
    public static IEnumerable<string> Of(Discussion discussion)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        return discussion.Status == DiscussionStatus.Open
            ? discussion.Invitees.Where(i => i.State == InviteState.Invited).Select(i => i.MemberId)
            : [];
    }

    /// <summary>Reviewers of an open consultation who have neither reviewed nor declined.</summary>
    public static IEnumerable<string> Of(Consultation consultation)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        return consultation.Status == ConsultationStatus.Open
            ? consultation.Reviewers.Where(r => r.State == ReviewerState.Invited).Select(r => r.MemberId)
            : [];
    }

    /// <summary>
    /// Members of an open working group still invited to a role that has places left. Once their role is filled the
    /// invitation can no longer be taken up (joining is refused), so it holds no slot; a completed or cancelled group
    /// holds none at all.
    /// </summary>
    public static IEnumerable<string> Of(WorkingGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Status == WorkingGroupStatus.Open
            ? group.Members.Where(m => m.State == GroupMemberState.Invited && HasPlaces(group, m.Role)).Select(m => m.MemberId)
            : [];
    }

    private static bool HasPlaces(WorkingGroup group, string role) =>
        group.Roles.FirstOrDefault(r => r.Role == role) is { } need && group.Filled(role) < need.Count;
}
