namespace CopBot.Cards;

/// <summary>Card action verbs of the working-group flow.</summary>
public static class CollaborateVerbs
{
    public const string Submit = "collab.submit";
    public const string CancelForm = "collab.cancelform";
    public const string Join = "collab.join";
    public const string NotNow = "collab.notnow";
    public const string AddTask = "collab.addtask";
    public const string TakeTask = "collab.take";
    public const string TaskDone = "collab.done";
    public const string Complete = "collab.complete";
    public const string Cancel = "collab.cancel";
    public const string Refresh = "collab.refresh";
}

/// <summary>Data and input ids of the working-group cards.</summary>
public static class CollaborateCardKeys
{
    public const string RequestId = "requestId";
    public const string Goal = "goal";
    public const string Deliverable = "deliverable";
    public const string Deadline = "deadline";
    public const string TaskTitle = "taskTitle";
    public const string TaskId = "taskId";
    public const string DeliverableLink = "deliverableLink";

    /// <summary>The roles the form offers, each with a count input named after it.</summary>
    public static readonly IReadOnlyList<string> Roles = ["coordinator", "expert", "knowledge manager", "writer"];

    public static string RoleCount(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return "role-" + role.Replace(' ', '-');
    }
}
