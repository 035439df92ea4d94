using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Consult;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>
/// The consultation modality as a conversation through the real pipeline on a fake clock: the form in a channel,
/// reviewers asked 1:1 (or @mentioned), reviews stored per reviewer and edited, a reminder before the deadline, the
/// summary at the deadline. The bot is restarted in the middle: everything is in Table Storage.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ConsultFlowTests(AzuriteFixture azurite)
{
    private const string Thread = FormThread;
    private const string RequesterId = FormRequesterId;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static IConsultationStore Store(BotHarness bot) => bot.Services.GetRequiredService<IConsultationStore>();

    private static JsonObject Form(string? reviewers = null, string document = "https://example.org/grant-application.docx", string deadline = "2026-03-09") => new()
    {
        ["title"] = "Grant application: cash transfers for informal workers",
        ["document"] = document,
        ["question1"] = "Is targeting informal workers through the #social-registry sound for #cash-transfers?",
        ["question2"] = "Is the budget for mobile money realistic?",
        ["question3"] = "",
        ["deadline"] = deadline,
        ["reviewers"] = reviewers,
    };

    private static JsonObject InThread(BotHarness bot, string fromId, string verb, JsonObject data) => PressInFormThread(bot, fromId, verb, data);

    private static async Task<Consultation> SubmitAsync(BotHarness bot, string? reviewers = null)
    {
        var sent = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.submit", Form(reviewers)));
        Assert.Contains("Sent for review", sent["value"]!.ToJsonString(), StringComparison.Ordinal);
        var id = Assert.Single(await Store(bot).ListOpenAsync("default", CancellationToken.None));
        return (await Store(bot).GetAsync("default", id, CancellationToken.None))!;
    }

    private static JsonObject Review(string requestId, string? answer1, string? answer2, string? rating) =>
        new() { ["requestId"] = requestId, ["answer1"] = answer1, ["answer2"] = answer2, ["rating"] = rating };

    /// <summary>One pass of the deadline checker, then what it enqueued sent by the outbox.</summary>
    private static async Task CheckDeadlinesAsync(BotHarness bot)
    {
        await bot.Services.GetRequiredService<ConsultDeadlineChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();
    }

    private static int Reminders(BotHarness bot) => bot.Sent.Count(r => Text(r).Contains("eminder: ", StringComparison.Ordinal) && Text(r).Contains("review", StringComparison.Ordinal));

    [Fact]
    public async Task Consult_ReviewsIn_FacilitatorSynthesizesThemCreditingTheReviewers()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var consultation = await SubmitAsync(bot, reviewers: "tomás ferreira quispe");
        await InvokeAsync(bot, CardAction(bot, AmaraId, null, PersonalConversationOf(bot, AmaraId), "consult.review",
            Review(consultation.Id, "Pre-register informal workers in the social registry before the season starts.", "The mobile money budget is realistic if agent fees are negotiated nationally.", "4")));
        await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, PersonalConversationOf(bot, TomasTeamsId), "consult.review",
            Review(consultation.Id, "Add a grievance mechanism so that excluded workers can appeal.", "Agent fees are underestimated by about a third in the budget.", "3")));
        _clock.Advance(TimeSpan.FromDays(8));
        await CheckDeadlinesAsync(bot);

        // The thread's status card offers Synthesize once reviews are in; the facilitator presses it.
        var status = bot.SentCards.Last(c => c.ToJsonString().Contains("2 received /", StringComparison.Ordinal));
        var start = status["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Start)!;
        Assert.Equal(consultation.Id, (string?)start["data"]![SynthesisCardKeys.RequestId]);
        await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, PersonalConversationOf(bot, AmaraId), SynthesisVerbs.Start, start["data"]!.DeepClone().AsObject()));

        var draft = bot.SentCards.Last(c => c.ToJsonString().Contains("Draft consolidated reply", StringComparison.Ordinal)).ToJsonString();
        Assert.Contains("Ferreira Quispe", draft, StringComparison.Ordinal); // "Tomás" is \u-escaped in the JSON
        Assert.Contains("Amara Nwosu-Lindqvist", draft, StringComparison.Ordinal);
        Assert.Contains("grievance mechanism", draft, StringComparison.Ordinal);
        Assert.Equal(ConsultationStatus.Closed, (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Consult_FormReviewsEditReminderSummary_WholeLifecycleSurvivesARestart()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        await PostOkAsync(bot, ChannelCommand(bot, "consult Grant application: cash transfers for informal workers"));
        Assert.Contains(bot.SentCards, c => c.ToJsonString().Contains("Ask for comments", StringComparison.Ordinal)
            && c.ToJsonString().Contains("\"value\":\"Grant application: cash transfers for informal workers\"", StringComparison.Ordinal));

        var consultation = await SubmitAsync(bot, reviewers: "Olumide Adeyemi-Brandt; tomás ferreira quispe");

        // Olumide and Tomás (named) first, then the best-ranked member (Amara); Amara and Tomás get 1:1 review cards, Olumide a mention.
        Assert.Equal(3, consultation.Reviewers.Count);
        Assert.Equal(["Olumide Adeyemi-Brandt", "Tomás Ferreira Quispe", "Amara Nwosu-Lindqvist"], consultation.Reviewers.Select(r => r.Name));
        Assert.Equal(["asked for by Ada Lovelace"], consultation.Reviewers[0].Why);
        Assert.Equal(NotificationChannel.ThreadMention, consultation.Reviewers[0].NotifiedBy);
        Assert.Equal(NotificationChannel.PersonalCard, consultation.Find(AmaraId, null)!.NotifiedBy);
        Assert.Equal(NotificationChannel.PersonalCard, consultation.Find(TomasTeamsId, TomasAad)!.NotifiedBy);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero), consultation.Deadline);
        Assert.Equal(2, bot.SentCards.Count(c => c.ToJsonString().Contains("answer2", StringComparison.Ordinal) && c.ToJsonString().Contains("consult.review", StringComparison.Ordinal)));
        Assert.Contains(bot.Sent, r => r.Path.Contains(Thread, StringComparison.Ordinal) && r.Body.Contains("0 received / 3 invited", StringComparison.Ordinal));
        var amaraChat = PersonalConversationOf(bot, AmaraId);
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);

        await bot.RestartAsync();

        // Strangers and forged ratings are refused; each reviewer writes only their own review.
        var forged = await InvokeAsync(bot, CardAction(bot, StrangerId, null, "a:stranger", "consult.review", Review(consultation.Id, "I was not asked", null, "5")));
        var badRating = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.review", Review(consultation.Id, "x", null, "9")));
        var empty = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.review", Review(consultation.Id, " ", "", "")));
        Assert.Equal(403, (int)forged["statusCode"]!);
        Assert.Equal(400, (int)badRating["statusCode"]!);
        Assert.Equal(400, (int)empty["statusCode"]!);

        var amara = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "consult.review", Review(consultation.Id, "Yes: pre-register informal workers in the registry.", null, "4")));
        Assert.Contains("Saved. You can edit your review until 2026-03-10 00:00 UTC", amara["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(Thread, StringComparison.Ordinal) && r.Body.Contains("1 received / 3 invited", StringComparison.Ordinal));
        await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.review", Review(consultation.Id, "Add a grievance mechanism.", "Too low for agent fees.", "3")));
        _clock.Advance(TimeSpan.FromHours(1));
        await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "consult.review", Review(consultation.Id, "Yes, but pilot it first.", null, "5")));

        var reviewed = (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!;
        var amaraReview = reviewed.Find(AmaraId, null)!;
        Assert.Equal(["Yes, but pilot it first.", null], amaraReview.Answers);
        Assert.Equal(5, amaraReview.Rating);
        Assert.True(amaraReview.UpdatedAt > amaraReview.SubmittedAt);
        Assert.Equal(["Add a grievance mechanism.", "Too low for agent fees."], reviewed.Find(TomasTeamsId, TomasAad)!.Answers);

        // A day before the deadline the reviewer who has not reviewed is reminded, once, even across a restart.
        _clock.AdjustTime(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero));
        await CheckDeadlinesAsync(bot);
        await CheckDeadlinesAsync(bot);
        Assert.Equal(1, Reminders(bot));
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Olumide Adeyemi-Brandt</at> reminder", StringComparison.Ordinal));
        await bot.RestartAsync();
        await CheckDeadlinesAsync(bot);
        Assert.Equal(1, Reminders(bot));

        // The deadline passes: the summary goes to the requester and the facilitators, the consultation closes.
        _clock.Advance(TimeSpan.FromDays(1));
        await CheckDeadlinesAsync(bot);
        await CheckDeadlinesAsync(bot);

        var closed = (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!;
        Assert.Equal(ConsultationStatus.Closed, closed.Status);
        var readable = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var summaries = bot.SentCards.Where(c => c.ToJsonString().Contains("Consultation summary", StringComparison.Ordinal)).Select(c => c.ToJsonString(readable)).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(new[] { "Is targeting informal workers", "Yes, but pilot it first.", "Add a grievance mechanism.", "Too low for agent fees.", "4.0 / 5", "Thanks to Tomás Ferreira Quispe, Amara Nwosu-Lindqvist for their reviews" },
            s => Assert.Contains(s, summaries[0], StringComparison.Ordinal));
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Grace Achieng Otieno</at> the consultation has closed", StringComparison.Ordinal)
            || (r.Body.Contains("Consultation summary", StringComparison.Ordinal) && r.Path.Contains("fake-conversation", StringComparison.Ordinal)));
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Body.Contains("Closed: summary sent", StringComparison.Ordinal));

        // After the deadline a review is refused and nothing changes.
        var late = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "consult.review", Review(consultation.Id, "Changed my mind", null, "1")));
        Assert.Contains("no longer accepted", late["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(5, (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!.Find(AmaraId, null)!.Rating);
        SentCardAssert.Valid(bot.SentCards, atLeast: 6);
    }

    [Fact]
    public async Task ConsultForm_BadLinkNoQuestionUnknownReviewerPastDeadline_FormAgainAndNothingStored()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var noQuestions = Form();
        noQuestions["question1"] = "";
        noQuestions["question2"] = null;

        var badLink = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.submit", Form(document: "javascript:alert(1)")));
        var none = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.submit", noQuestions));
        var unknown = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.submit", Form(reviewers: "Nobody Atall, olumide adeyemi-brandt")));
        var past = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.submit", Form(deadline: "2026-03-02")));
        var cancelled = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.cancelform", new JsonObject()));

        Assert.Contains("full web address", badLink["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("at least one question", none["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("could not find Nobody Atall", unknown["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Deadline: The date must be between 2026-03-03", past["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled", cancelled["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("Consultations"));
        Assert.DoesNotContain(bot.Sent, r => r.Body.Contains("Consultation", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consult_DeclineThenRequesterClosesEarly_SummaryCountsTheDeclineAndStrangerCannotClose()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var consultation = await SubmitAsync(bot, reviewers: "Tomás Ferreira Quispe");
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);

        var declined = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.decline", new JsonObject { ["requestId"] = consultation.Id, ["declineReason"] = "conflict of interest" }));
        var strangerClose = await InvokeAsync(bot, InThread(bot, StrangerId, "consult.close", new JsonObject { ["requestId"] = consultation.Id }));
        var closed = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.close", new JsonObject { ["requestId"] = consultation.Id }));
        var closedAgain = await InvokeAsync(bot, InThread(bot, RequesterId, "consult.close", new JsonObject { ["requestId"] = consultation.Id }));

        Assert.Contains("Thanks for letting us know", declined["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(403, (int)strangerClose["statusCode"]!);
        Assert.Contains("Closed: summary sent", closed["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Closed: summary sent", closedAgain["value"]!.ToJsonString(), StringComparison.Ordinal);
        var stored = (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!;
        Assert.Equal(ConsultationStatus.Closed, stored.Status);
        Assert.Equal("conflict of interest", stored.Find(TomasTeamsId, TomasAad)!.DeclineReason);
        var summaries = bot.SentCards.Where(c => c.ToJsonString().Contains("Consultation summary", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(summaries);
        Assert.Contains("1 declined", summaries[0].ToJsonString(), StringComparison.Ordinal);
        var perRecipient = summaries.Count;
        _clock.Advance(TimeSpan.FromDays(30));
        await CheckDeadlinesAsync(bot);
        Assert.Equal(perRecipient, bot.SentCards.Count(c => c.ToJsonString().Contains("Consultation summary", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Consult_MentionedReviewerRepliesInTheThread_RepliesAreTheirReviewAndOthersAreNot()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var consultation = await SubmitAsync(bot, reviewers: "Olumide Adeyemi-Brandt");
        const string OlumideId = "29:1Ua3XoRy6MlK9dWc2ZnS8bQt5EgH1iFp0VjZ7uLx4YsOrNk";
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Olumide Adeyemi-Brandt</at> would you review this document? Reply in this thread", StringComparison.Ordinal));

        await PostOkAsync(bot, ThreadReply(bot, Thread, OlumideId, "Olumide Adeyemi-Brandt", "The M&E budget line is missing.", mentionBot: false));
        await PostOkAsync(bot, ThreadReply(bot, Thread, "29:1Bystander", "Bystander", "Looks great!", mentionBot: false));
        await PostOkAsync(bot, ThreadReply(bot, Thread, OlumideId, "Olumide Adeyemi-Brandt", "Also plan post-distribution monitoring.", mentionBot: true));

        var stored = (await Store(bot).GetAsync("default", consultation.Id, CancellationToken.None))!;
        var olumide = stored.Find(OlumideId, null)!;
        Assert.Equal(ReviewerState.Reviewed, olumide.State);
        Assert.Equal("The M&E budget line is missing.\n\nAlso plan post-distribution monitoring.", olumide.Comments);
        Assert.Equal(2, (await bot.Services.GetRequiredService<IContributionStore>().ListContributionsAsync(consultation.Id, CancellationToken.None)).Count);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Body.Contains("1 received / 3 invited", StringComparison.Ordinal));

        await InvokeAsync(bot, InThread(bot, RequesterId, "consult.close", new JsonObject { ["requestId"] = consultation.Id }));
        var summary = bot.SentCards.First(c => c.ToJsonString().Contains("Consultation summary", StringComparison.Ordinal)).ToJsonString();
        Assert.Contains("Comments in the thread", summary, StringComparison.Ordinal);
        Assert.Contains("post-distribution monitoring", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Looks great", summary, StringComparison.Ordinal);
    }
}
