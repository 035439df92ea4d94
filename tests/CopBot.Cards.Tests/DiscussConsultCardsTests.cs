namespace CopBot.Cards.Tests;

/// <summary>The discussion and consultation cards with realistic, hostile and maximal input: valid and under Teams' size limit.</summary>
public sealed class DiscussConsultCardsTests
{
    private static readonly Uri Link = new("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1741684467331?parentMessageId=1741684467331");
    private static readonly Uri Document = new("https://example.org/grant-application.docx");

    private static DiscussionTopicView Topic(string topic) => new(
        "d-0123456789abcdef", topic, "How have you dealt with a similar problem in your province?", "Ada Lovelace", "2026-03-09 08:00 UTC", 2, 3,
        [new DiscussInviteeLine("Amara", "contributed"), new DiscussInviteeLine("Tomás", "not now"), new DiscussInviteeLine("Olumide", "invited")])
    {
        Note = "Olumide has not installed CopBot, so I mentioned them here instead of sending a private invitation.",
        ExtendMin = new DateOnly(2026, 3, 10),
        ExtendMax = new DateOnly(2026, 5, 31),
    };

    private static ReviewRequestView Review(string question) => new(
        "c-0123456789abcdef", "Grant application", Document, "Ada Lovelace", [question, "Is the budget realistic?"], "2026-03-10 00:00 UTC", ["asked for by Ada"])
    {
        Answers = ["Yes, pilot first.", null],
        Rating = 4,
        Banner = "Saved. You can edit your review until 2026-03-10 00:00 UTC.",
    };

    /// <summary>Five questions, ten reviewers, every answer at its maximum length: the budget keeps the card in bounds.</summary>
    private static ConsultationSummaryView LargestSummary()
    {
        var reviewers = Enumerable.Range(1, 10).Select(i => $"{Samples.Hostile} reviewer {i}").ToList();
        return new ConsultationSummaryView(
            Samples.Hostile,
            Document,
            Samples.Hostile,
            [.. Enumerable.Range(1, 5).Select(q => new ConsultationQuestionSummary(Samples.Long, [.. reviewers.Select(r => new ConsultationAnswerLine(r, Samples.Long))]))],
            [.. reviewers.Select((r, i) => (r, i % 5 + 1))],
            reviewers)
        {
            Invited = 12,
            Declined = 2,
            Comments = [.. reviewers.Select(r => new ConsultationAnswerLine(r, Samples.Long))],
        };
    }

    /// <summary>This file's cards in the catalog (parser check, size check, gallery).</summary>
    internal static IReadOnlyList<CardFixture> Fixtures => CardCatalog.From(
        ("discuss-topic-open", "DiscussionTopicCard.Build", DiscussionTopicCard.Build(Topic("Keeping village fire brigades engaged"))),
        ("discuss-topic-replaced", "DiscussionTopicCard.Build", DiscussionTopicCard.Build(Topic("Keeping village fire brigades engaged") with
        {
            Invitees = [new DiscussInviteeLine("Amara", "contributed"), new DiscussInviteeLine("Tomás", "not now"), new DiscussInviteeLine("Olumide", "invited"), new DiscussInviteeLine("Grace", "invited")],
            ReplacementNote = "Grace was invited in place of Tomás.",
        })),
        ("discuss-topic-closed", "DiscussionTopicCard.Build", DiscussionTopicCard.Build(Topic("Keeping village fire brigades engaged") with { IsOpen = false, Status = "Closed: handed to the facilitators" })),
        ("discuss-topic-hostile", "DiscussionTopicCard.Build", DiscussionTopicCard.Build(Topic(Samples.Hostile + Samples.Long) with { FramingQuestion = Samples.Long, RequesterName = Samples.Hostile })),
        ("discuss-invite", "DiscussionInviteCard.Build", DiscussionInviteCard.Build(new DiscussionInviteView("d-1", "Fire brigades", "What kept volunteers?", "Ada", ["#fire-management"], "2026-03-09 08:00 UTC") { ThreadLink = Link })),
        ("discuss-invite-chat", "DiscussionInviteCard.Build", DiscussionInviteCard.Build(new DiscussionInviteView("d-1", Samples.Hostile, null, Samples.Hostile, [], "2026-03-09 08:00 UTC"))),
        ("discuss-form", "DiscussionFormCard.Build", DiscussionFormCard.Build(new DateOnly(2026, 3, 3), new DateOnly(2026, 5, 31), "The date must be between 2026-03-03 and 2026-05-31.")),
        ("ready-for-synthesis", "ReadyForSynthesisCard.Build", ReadyForSynthesisCard.Build(new ReadyForSynthesisView("d-1", Samples.Long, "Ada", 40, [.. Enumerable.Range(1, 40).Select(i => Samples.Hostile + i)]) { ThreadLink = Link })),
        ("consult-form", "ConsultationFormCard.Build", ConsultationFormCard.Build(new ConsultationFormView(new DateOnly(2026, 3, 3), new DateOnly(2026, 5, 31))
        {
            Title = Samples.Hostile, Questions = ["One?", "Two?"], Deadline = new DateOnly(2026, 3, 9), Error = "Give the link to the document as a full web address (https://…).",
        })),
        ("consult-review", "ReviewRequestCard.Build", ReviewRequestCard.Build(Review("Is targeting through the social registry sound?"))),
        ("consult-review-hostile", "ReviewRequestCard.Build", ReviewRequestCard.Build(Review(Samples.Hostile) with { Answers = [], Rating = null, Banner = null })),
        ("consult-status-open", "ConsultationStatusCard.Build", ConsultationStatusCard.Build(new ConsultationStatusView("c-1", "Grant application", Document, "Ada", "2026-03-10 00:00 UTC", "6 days 16 h", 1, 3) { Declined = 1, ExtendMin = new DateOnly(2026, 3, 11) })),
        ("consult-status-replaced", "ConsultationStatusCard.Build", ConsultationStatusCard.Build(new ConsultationStatusView("c-1", "Grant application", Document, "Ada", "2026-03-10 00:00 UTC", "6 days 16 h", 1, 5)
        {
            Declined = 2, ExtendMin = new DateOnly(2026, 3, 11), ReplacementNote = "Leila Haddad-Mansour was invited in place of Tomás Ferreira Quispe; Grace Achieng Otieno was invited in place of Leila Haddad-Mansour.",
        })),
        ("consult-status-replaced-hostile", "ConsultationStatusCard.Build", ConsultationStatusCard.Build(new ConsultationStatusView("c-1", "Grant application", Document, "Ada", "2026-03-10 00:00 UTC", "6 days 16 h", 0, 3)
        {
            ReplacementNote = string.Join("; ", Enumerable.Range(1, 12).Select(i => $"{Samples.Hostile}{i} was invited in place of {Samples.Hostile}")) + ".",
        })),
        ("consult-status-closed", "ConsultationStatusCard.Build", ConsultationStatusCard.Build(new ConsultationStatusView("c-1", Samples.Hostile, Document, Samples.Hostile, "2026-03-10 00:00 UTC", "closed", 2, 3) { IsOpen = false, Status = "Cancelled" })),
        ("consult-summary-largest", "ConsultationSummaryCard.Build", ConsultationSummaryCard.Build(LargestSummary())),
        ("consult-summary-empty", "ConsultationSummaryCard.Build", ConsultationSummaryCard.Build(new ConsultationSummaryView("Grant", Document, "Ada", [new ConsultationQuestionSummary("Sound?", [])], [], []) { Invited = 3 })));

    [Fact]
    public void Builders_RealisticHostileAndLongInput_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(Fixtures);
    }

    [Fact]
    public void TopicCard_Closed_HasNoSteeringButtons()
    {
        var card = DiscussionTopicCard.Build(Topic("Fire brigades") with { IsOpen = false });

        Assert.Null(card.Actions);
    }
}
