namespace CopBot.Cards;

/// <summary>A role on the working-group card: filled of needed, and who holds it.</summary>
public sealed record WorkingGroupRoleLine(string Role, int Filled, int Needed, IReadOnlyList<string> Members);

/// <summary>A task on the checklist.</summary>
public sealed record WorkingGroupTaskLine(string Id, string Title, string? Assignee, bool Done);

/// <summary>The working-group card in the thread.</summary>
public sealed record WorkingGroupView(
    string RequestId, string Goal, string Deliverable, string RequesterName, string Deadline, IReadOnlyList<WorkingGroupRoleLine> Roles, IReadOnlyList<WorkingGroupTaskLine> Tasks)
{
    public string Status { get; init; } = "Open";

    public bool IsOpen { get; init; } = true;

    public Uri? DeliverableLink { get; init; }

    /// <summary>Members whose Teams clients refresh the card on view (at most 60).</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Who was invited in place of a member who declined, e.g. "Grace was invited in place of Kalani."</summary>
    public string? ReplacementNote { get; init; }
}

/// <summary>The 1:1 invitation to take a role.</summary>
public sealed record RoleInviteView(string RequestId, string Goal, string Deliverable, string Role, string RequesterName, string Deadline, IReadOnlyList<string> Why)
{
    public Uri? ThreadLink { get; init; }
}
