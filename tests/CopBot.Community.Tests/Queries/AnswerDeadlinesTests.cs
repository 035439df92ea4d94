using CopBot.Community;

namespace CopBot.Community.Tests.Queries;

public sealed class AnswerDeadlinesTests
{
    private static readonly DateTimeOffset Asked = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static QueryRequest Query(params ExpertAssignment[] experts) => new(
        "default", "q-1", "Q?", [], new QueryPlace("msteams", "https://x/", "19:c", "t", "28:b", "CopBot", "1"), "29:1asker", "Ada", Asked, experts);

    private static ExpertAssignment AskedExpert(string id = "29:1e") => new(id, "E", 1, []) { State = AssignmentState.Asked, AskedAt = Asked };

    [Fact]
    public void Due_BeforeHalfTime_Nothing()
    {
        Assert.Empty(AnswerDeadlines.Due(Query(AskedExpert()), Asked + TimeSpan.FromHours(11.9), Window));
    }

    [Fact]
    public void Due_AtHalfTime_RemindOnceOnly()
    {
        var due = AnswerDeadlines.Due(Query(AskedExpert()), Asked + TimeSpan.FromHours(12), Window);
        var reminded = AnswerDeadlines.Due(Query(AskedExpert() with { RemindedAt = Asked + TimeSpan.FromHours(12) }), Asked + TimeSpan.FromHours(13), Window);

        Assert.Equal(DeadlineAction.Remind, Assert.Single(due).Action);
        Assert.Empty(reminded);
    }

    [Fact]
    public void Due_WindowOver_TimeOutEvenIfReminded()
    {
        var due = AnswerDeadlines.Due(Query(AskedExpert() with { RemindedAt = Asked }), Asked + Window, Window);

        Assert.Equal(DeadlineAction.TimeOut, Assert.Single(due).Action);
    }

    [Fact]
    public void Due_AnsweredWaitingOrClosed_Nothing()
    {
        var answered = AskedExpert() with { State = AssignmentState.Answered };
        var waiting = new ExpertAssignment("29:1w", "W", 1, []);
        var late = Asked + TimeSpan.FromDays(3);

        Assert.Empty(AnswerDeadlines.Due(Query(answered, waiting), late, Window));
        Assert.Empty(AnswerDeadlines.Due(Query(AskedExpert()) with { Status = QueryStatus.Closed }, late, Window));
    }
}
