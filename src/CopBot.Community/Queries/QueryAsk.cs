namespace CopBot.Community;

/// <summary>
/// A question as asked, before anything is ranked or stored: kept with a pending duplicate offer so that
/// "No, ask the experts" can route it later, from another turn or after a restart.
/// </summary>
public sealed record QueryAsk(QueryPlace Place, string AskerId, string AskerName, string Question, IReadOnlyList<string> Tags, bool IsUrgent);
