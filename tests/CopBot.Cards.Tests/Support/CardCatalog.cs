namespace CopBot.Cards.Tests;

/// <summary>One card the bot can send, in one state, as the gallery and the parser check see it.</summary>
/// <param name="Name">File name of the fixture and of its PNG in docs/cards.</param>
/// <param name="Builder">The public builder method, e.g. "QueryAckCard.Build".</param>
/// <param name="State">What this fixture shows, in plain words.</param>
internal sealed record CardFixture(string Name, string Builder, string State, AdaptiveCard Card);

/// <summary>
/// Every card builder in every state worth seeing: the single list behind the official-parser check, the size
/// check and the PNG gallery (tools/card-gallery). A new builder or state goes here.
/// </summary>
internal static class CardCatalog
{
    private const string ConsultDetails =
        "Use consult when you need an expert's advice on your own situation.\n\n"
        + "CopBot finds up to three experts by skill and availability, and asks each of them in a 1:1 chat.";

    private const string Question = "How do we target cash transfers to informal workers?";

    /// <summary>The core cards here, then each feature's cards from its own test file.</summary>
    public static IReadOnlyList<CardFixture> All => s_all ??=
        [.. Core, .. ProfileCardTests.Fixtures, .. QueryCardsTests.Fixtures, .. KnowledgeCardsTests.Fixtures, .. DiscussConsultCardsTests.Fixtures, .. CollaborateCardsTests.Fixtures, .. SynthesisCardsTests.Fixtures,
            .. DigestCardsTests.Fixtures];

    private static IReadOnlyList<CardFixture>? s_all;

    private static IReadOnlyList<CardFixture> Core { get; } =
    [
        Fixture("welcome-personal", nameof(WelcomeCard), "installed in a 1:1 chat", WelcomeCard.Build(new WelcomeView(WelcomeScope.Personal, Samples.Commands) { UserName = "Ada" })),
        Fixture("welcome-team", nameof(WelcomeCard), "added to a team", WelcomeCard.Build(new WelcomeView(WelcomeScope.Team, Samples.Commands) { TeamName = "Cloud Platform CoP" })),
        Fixture("welcome-groupchat", nameof(WelcomeCard), "added to a group chat", WelcomeCard.Build(new WelcomeView(WelcomeScope.GroupChat, Samples.Commands))),
        Fixture("welcome-no-commands", nameof(WelcomeCard), "no command to list", WelcomeCard.Build(new WelcomeView(WelcomeScope.Personal, []))),
        Fixture("welcome-hostile", nameof(WelcomeCard), "hostile, very long team name", WelcomeCard.Build(new WelcomeView(WelcomeScope.Team, Samples.Commands) { TeamName = Samples.Hostile + Samples.Long })),

        Fixture("help", nameof(HelpCard), "every command", HelpCard.Build(Samples.Commands)),
        Fixture("help-with-intro", nameof(HelpCard), "after an unknown command", HelpCard.Build(Samples.Commands, "I did not recognise \"[x](https://evil.example)\" as a command.")),
        Fixture("help-empty", nameof(HelpCard), "no command to list", HelpCard.Build([])),
        Fixture("help-hostile", nameof(HelpCard), "hostile, very long command", HelpCard.Build([.. Samples.Commands, new CommandHelp(Samples.Hostile, Samples.Hostile + Samples.Long, Samples.Long, IsModality: true)])),

        Fixture("help-topic", nameof(HelpTopicCard), "one command explained", HelpTopicCard.Build(Samples.Commands[2], ConsultDetails)),
        Fixture("help-topic-no-details", nameof(HelpTopicCard), "no details", HelpTopicCard.Build(Samples.Commands[0], " ")),
        Fixture("help-topic-hostile", nameof(HelpTopicCard), "hostile, very long details", HelpTopicCard.Build(new CommandHelp(Samples.Hostile, Samples.Hostile, Samples.Hostile), Samples.Hostile + Samples.Long)),

        Fixture("notice-info", nameof(NoticeCard), "information", NoticeCard.Build("Request sent", "Three experts were asked; you'll hear back in this thread.", NoticeKind.Info)),
        Fixture("notice-warning", nameof(NoticeCard), "warning", NoticeCard.Build("No expert available", "Nobody with the skill 'Bicep' is free this week. Try discuss to ask the whole community.", NoticeKind.Warning)),
        Fixture("notice-error", nameof(NoticeCard), "error", NoticeCard.Build("Sorry, I didn't get that", "I don't know the command 'qeury'. Type help to see what I can do.", NoticeKind.Error)),
        Fixture("notice-hostile", nameof(NoticeCard), "hostile, very long message", NoticeCard.Build(Samples.Hostile, "You wrote: " + Samples.Hostile + Samples.Long, NoticeKind.Error)),

        Fixture("profile", nameof(ProfileCard), "existing profile", ProfileCard.Build(Samples.Amara())),
        Fixture("profile-new", nameof(ProfileCard), "no profile yet", ProfileCard.Build(new ProfileView("Zeynep", [], null, [], null, null, Exists: false))),
        Fixture("profile-saved", nameof(ProfileCard), "just saved", ProfileCard.Build(Samples.Amara(), "Saved.")),
        Fixture("profile-hostile", nameof(ProfileCard), "hostile, very long fields", ProfileCard.Build(Samples.Amara() with { Name = Samples.Hostile, Bio = Samples.Long[..4000], Organization = Samples.Hostile }, Samples.Hostile)),

        Fixture("query-form", nameof(QueryFormCard), "blank form", QueryFormCard.Build()),
        Fixture("query-form-error", nameof(QueryFormCard), "sent without a question", QueryFormCard.Build("Write your question first.")),

        Fixture("query-ack-routing", nameof(QueryAckCard), "posted, experts being asked", QueryAckCard.Build(Samples.QueryAck(answers: 0) with { Experts = [], IsRouting = true })),
        Fixture("query-ack-open", nameof(QueryAckCard), "open, one answer", QueryAckCard.Build(Samples.QueryAck())),
        Fixture("query-ack-urgent", nameof(QueryAckCard), "open, urgent", QueryAckCard.Build(Samples.QueryAck() with { IsUrgent = true })),
        Fixture("query-ack-no-match", nameof(QueryAckCard), "nobody matches", QueryAckCard.Build(Samples.QueryAck(answers: 0) with { Experts = [] })),
        Fixture("query-ack-closed", nameof(QueryAckCard), "marked answered", QueryAckCard.Build(Samples.QueryAck(closed: true))),
        Fixture("query-ack-hostile", nameof(QueryAckCard), "hostile, very long question", QueryAckCard.Build(Samples.QueryAck() with { Question = Samples.Hostile + Samples.Long, AskerName = Samples.Hostile })),

        Fixture("expert-request", nameof(ExpertRequestCard), "asked in a channel thread", ExpertRequestCard.Build(Samples.ExpertRequest(Question))),
        Fixture("expert-request-hostile", nameof(ExpertRequestCard), "hostile, very long, no thread link", ExpertRequestCard.Build(Samples.ExpertRequest(Samples.Hostile + Samples.Long) with { ThreadLink = null })),

        Fixture("expert-done-answered", $"{nameof(ExpertDoneCard)}.{nameof(ExpertDoneCard.Answered)}", "expert answered", ExpertDoneCard.Answered(Question)),
        Fixture("expert-done-declined", $"{nameof(ExpertDoneCard)}.{nameof(ExpertDoneCard.Declined)}", "expert declined", ExpertDoneCard.Declined(Question)),
        Fixture("expert-done-referred", $"{nameof(ExpertDoneCard)}.{nameof(ExpertDoneCard.Referred)}", "expert referred a colleague", ExpertDoneCard.Referred(Question, "Tomás Oliveira")),
        Fixture("expert-done-not-my-area", $"{nameof(ExpertDoneCard)}.{nameof(ExpertDoneCard.NotMyArea)}", "expert said not my area", ExpertDoneCard.NotMyArea(Question)),
        Fixture("expert-done-closed", $"{nameof(ExpertDoneCard)}.{nameof(ExpertDoneCard.Closed)}", "closed by the asker (hostile question)", ExpertDoneCard.Closed(Samples.Hostile)),

        Fixture("gaps", nameof(GapsCard), "gaps and who knows what", GapsCard.Build(new GapsView("default",
            [new GapLine("glacial-lakes", 3, "Which outburst early-warning sirens survive avalanches?", "2025-03-03"), new GapLine("(no topic)", 1, "Anyone used drones for seed dispersal?", "2025-02-20")],
            [new KnowsLine("cash-transfers", 5, ["Amara Nwosu-Lindqvist", "Tomás Oliveira", "Hanne Sørensen"]), new KnowsLine("fire-management", 3, ["Kalani Akana"])]))),
        Fixture("gaps-empty", nameof(GapsCard), "no gaps, no profiles", GapsCard.Build(new GapsView("default", [], []))),
        Fixture("gaps-hostile", nameof(GapsCard), "hostile, very long topics and questions", GapsCard.Build(new GapsView(Samples.Hostile,
            [.. Enumerable.Range(1, 20).Select(i => new GapLine(Samples.Hostile + i, i, Samples.Hostile + Samples.Long, Samples.Hostile))],
            [.. Enumerable.Range(1, 20).Select(i => new KnowsLine(Samples.Hostile + i, i, [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 9)]))]))),

        Fixture("answer", nameof(AnswerCard), "answer in the thread", AnswerCard.Build(new AnswerView("Amara", "Use the social registry, then top up by mobile money.", "How do we target cash transfers?"))),
        Fixture("answer-long", nameof(AnswerCard), "hostile, very long answer", AnswerCard.Build(new AnswerView(Samples.Hostile, Samples.Long, Samples.Long))),
    ];

    /// <summary>Fixtures named like their PNG, the state read from the name ("discuss-topic-closed" → "discuss topic closed").</summary>
    public static IReadOnlyList<CardFixture> From(params (string Name, string Builder, AdaptiveCard Card)[] cards) =>
        [.. cards.Select(c => new CardFixture(c.Name, c.Builder, c.Name.Replace('-', ' '), c.Card))];

    /// <summary>A builder given by its type alone is that type's <c>Build</c> method.</summary>
    private static CardFixture Fixture(string name, string builder, string state, AdaptiveCard card) =>
        new(name, builder.Contains('.', StringComparison.Ordinal) ? builder : builder + ".Build", state, card);
}
