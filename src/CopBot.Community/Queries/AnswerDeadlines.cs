namespace CopBot.Community;

public enum DeadlineAction
{
    /// <summary>Half the answer window has passed without an answer: remind the expert once.</summary>
    Remind,

    /// <summary>The window has passed: stop waiting for this expert and ask the next one.</summary>
    TimeOut,
}

/// <summary>
/// What the answer window asks for now: a reminder at half time, a hand-over to the next expert at the end.
/// Pure, so the timing rules are tested without a clock or storage; the host applies the result.
/// </summary>
public static class AnswerDeadlines
{
    public static IReadOnlyList<(ExpertAssignment Expert, DeadlineAction Action)> Due(QueryRequest query, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Status != QueryStatus.Open)
        {
            return [];
        }

        var due = new List<(ExpertAssignment, DeadlineAction)>();
        foreach (var expert in query.Experts.Where(e => e is { State: AssignmentState.Asked, AskedAt: not null }))
        {
            var waited = now - expert.AskedAt!.Value;
            if (waited >= window)
            {
                due.Add((expert, DeadlineAction.TimeOut));
            }
            else if (waited >= window / 2 && expert.RemindedAt is null)
            {
                due.Add((expert, DeadlineAction.Remind));
            }
        }

        return due;
    }
}
