namespace CopBot.Community.Tests.Digest;

public class DigestCalculatorTests
{
    private static readonly DigestPeriod Week = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset During = Week.From.AddDays(2);
    private static readonly QueryPlace Place = new("msteams", "https://smba.example/", "19:a@thread.tacv2;messageid=1", "t", "28:bot", "CopBot", "1");

    private static ExpertProfile Person(string id, DateTimeOffset? joined, params Skill[] skills) =>
        new("default", id, id.ToUpperInvariant(), skills, []) { JoinedAt = joined };

    private static QueryRequest Query(string id, DateTimeOffset at, params ExpertAssignment[] experts) =>
        new("default", id, "Question " + id, [], Place, "ada", "Ada", at, experts);

    private static ExpertAssignment Answered(string id, DateTimeOffset at) =>
        new(id, id.ToUpperInvariant(), 1, []) { State = AssignmentState.Answered, Answer = "a", AnsweredAt = at };

    private static KnowledgeEntry Entry(KnowledgeKind kind, string source, DateTimeOffset at) =>
        new("default", kind, source, "Title " + source, "text", [], [new("k", "Kalani")], null, at);

    [Fact]
    public void Compute_RealisticWeek_EverySection()
    {
        ExpertProfile[] people =
        [
            Person("old", Week.From.AddDays(-30), new Skill("fire", 5)),
            Person("legacy", null, new Skill("fire", 5)), // stored before joining dates were kept: never "new"
            Person("zeynep", During, new Skill("lakes", 2), new Skill("drones", 5)),
            Person("bo", During),
            Person("late", Week.To, new Skill("fire", 3)),
        ];
        QueryRequest[] queries =
        [
            Query("q-answered", During, Answered("amara", During.AddHours(1)), Answered("tomas", During.AddHours(2))),
            Query("q-waiting", During.AddDays(-10)),
            Query("q-closed", During) with { Status = QueryStatus.Closed },
            Query("q-after", Week.To.AddMinutes(1)),
            Query("q-earlier", Week.From.AddDays(-3), Answered("amara", During)),
        ];
        KnowledgeEntry[] entries =
        [
            Entry(KnowledgeKind.Synthesis, "s1", During),
            Entry(KnowledgeKind.Deliverable, "g1", During.AddDays(1)),
            Entry(KnowledgeKind.AnsweredQuery, "q-answered", During),
            Entry(KnowledgeKind.Synthesis, "s0", Week.From.AddTicks(-1)),
        ];

        var digest = DigestCalculator.Compute("default", Week, people, queries, entries, ModalityRecords.None);

        Assert.Equal(["Title s1", "Title g1"], digest.Published.Select(p => p.Title));
        Assert.Equal(["Kalani"], digest.Published[0].Contributors);
        Assert.Equal(["Question q-waiting"], digest.NeedingHelp.Select(r => r.Title));
        Assert.Equal(["BO"], digest.NewMembers);
        var expert = Assert.Single(digest.NewExperts);
        Assert.Equal("ZEYNEP", expert.Name);
        Assert.Equal(["drones", "lakes"], expert.Topics);
        Assert.Equal([new CountByName("AMARA", 2), new CountByName("TOMAS", 1)], digest.TopContributors);
        Assert.False(digest.IsQuiet);
    }

    [Fact]
    public void Compute_NothingHappened_Quiet()
    {
        var digest = DigestCalculator.Compute("default", Week, [Person("old", Week.From.AddDays(-30))], [Query("q", Week.From.AddDays(-1), Answered("a", Week.From.AddDays(-1)))], [], ModalityRecords.None);

        Assert.True(digest.IsQuiet);
    }

    [Fact]
    public void NeedingHelp_OtherModalities_FewResponsesOrOpenPlacesOnly_LeastHelpedFirst()
    {
        var discussion = new Discussion("default", "d1", "Fire brigades", null, [], Place, "ada", "Ada", During, During.AddDays(7), []) { ContributionCount = 1 };
        var lively = discussion with { Id = "d2", Topic = "Lively", ContributionCount = 5 };
        var reviewers = new[] { new ReviewerAssignment("r1", "R1", []), new ReviewerAssignment("r2", "R2", []) { State = ReviewerState.Reviewed } };
        var consultation = new Consultation("default", "c1", "M&E framework", new Uri("https://example.org/doc"), ["Q?"], [], Place, "ada", "Ada", During, During.AddDays(3), reviewers);
        var group = new WorkingGroup("default", "g1", "Guidance note", "note", Place, "ada", "Ada", During, During.AddDays(30),
            [new RoleNeed("expert", 2), new RoleNeed("writer", 1)], [new GroupMember("m", "M", "expert", []) { State = GroupMemberState.Joined }]);
        var full = group with { Id = "g2", Roles = [new RoleNeed("expert", 1)] };

        var open = DigestCalculator.NeedingHelp([], new ModalityRecords([discussion, lively], [consultation], [group, full]), Week.To);

        Assert.Equal(["Fire brigades", "M&E framework", "Guidance note"], open.Select(r => r.Title));
        Assert.Equal(["1 contribution", "1 of 2 reviews", "2 places open"], open.Select(r => r.Need));
    }
}
