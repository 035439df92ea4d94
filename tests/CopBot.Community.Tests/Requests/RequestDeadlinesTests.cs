using CopBot.Community;

namespace CopBot.Community.Tests.Requests;

/// <summary>The discussion and consultation clocks: when to nudge or remind (once), when to hand over or summarise.</summary>
public class RequestDeadlinesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly QueryPlace Place = new("msteams", "https://x/", "19:c;messageid=1", "t", "28:b", "CopBot", "1");

    private static Discussion Discussion(params DiscussionInvitee[] invitees) =>
        new("default", "d-1", "Topic", null, [], Place, "29:1asker", "Ada", Start, Start.AddDays(7), invitees);

    private static Consultation Consultation(params ReviewerAssignment[] reviewers) =>
        new("default", "c-1", "Title", new Uri("https://example.org/doc"), ["Q?"], [], Place, "29:1asker", "Ada", Start, Start.AddDays(7), reviewers);

    [Fact]
    public void Discussion_QuietForTheWindow_NudgeOnceThenHandOverAtTheDate()
    {
        var discussion = Discussion(new DiscussionInvitee("29:1a", "A", []));

        Assert.Null(DiscussionDeadlines.Due(discussion, Start.AddDays(1), TimeSpan.FromDays(2)));
        Assert.Equal(DiscussionStep.Nudge, DiscussionDeadlines.Due(discussion, Start.AddDays(2), TimeSpan.FromDays(2)));
        Assert.Null(DiscussionDeadlines.Due(discussion with { NudgedAt = Start.AddDays(2) }, Start.AddDays(3), TimeSpan.FromDays(2)));
        Assert.Null(DiscussionDeadlines.Due(discussion with { LastContributionAt = Start.AddDays(1) }, Start.AddDays(2), TimeSpan.FromDays(2)));
        Assert.Equal(DiscussionStep.HandOver, DiscussionDeadlines.Due(discussion with { NudgedAt = Start }, Start.AddDays(7), TimeSpan.FromDays(2)));
        Assert.Null(DiscussionDeadlines.Due(discussion with { Status = DiscussionStatus.Cancelled }, Start.AddDays(8), TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Discussion_EveryInviteeAnswered_NoNudge()
    {
        var discussion = Discussion(new DiscussionInvitee("29:1a", "A", []) { State = InviteState.NotNow }, new DiscussionInvitee("29:1b", "B", []) { State = InviteState.Joined });

        Assert.Null(DiscussionDeadlines.Due(discussion, Start.AddDays(3), TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Consultation_BeforeTheDeadline_RemindOnceThenSummarise()
    {
        var consultation = Consultation(new ReviewerAssignment("29:1a", "A", []), new ReviewerAssignment("29:1b", "B", []) { State = ReviewerState.Reviewed });

        Assert.Null(ConsultationDeadlines.Due(consultation, Start.AddDays(5), TimeSpan.FromDays(1)));
        Assert.Equal(ConsultationStep.Remind, ConsultationDeadlines.Due(consultation, Start.AddDays(6), TimeSpan.FromDays(1)));
        Assert.Null(ConsultationDeadlines.Due(consultation with { RemindedAt = Start.AddDays(6) }, Start.AddDays(6.5), TimeSpan.FromDays(1)));
        Assert.Equal(ConsultationStep.Summarize, ConsultationDeadlines.Due(consultation with { RemindedAt = Start.AddDays(6) }, Start.AddDays(7), TimeSpan.FromDays(1)));
        Assert.Null(ConsultationDeadlines.Due(consultation with { Status = ConsultationStatus.Closed }, Start.AddDays(8), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Reviewer_MatchedByTeamsIdOrEntraId()
    {
        var reviewer = new ReviewerAssignment("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "Tomás", []);

        Assert.True(reviewer.Is("29:1tomas", "B7E4D2C1-5A6F-4E3D-8C2B-1A0F9E8D7C6B"));
        Assert.False(reviewer.Is("29:1someone", null));
    }
}
