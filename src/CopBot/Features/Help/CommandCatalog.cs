using CopBot.Cards;

namespace CopBot.Features.Help;

/// <summary>Every chat command the bot knows, as shown in the help and welcome cards (and the Teams manifest's command list).</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandHelp> All { get; } =
    [
        new("query", "Ask a question; I find the members who know and bring their answers back here.", "query How do we target cash transfers to informal workers? #cash-transfers", IsModality: true),
        new("discuss", "Open a problem to the community and invite the people with experience of it.", "discuss Community fire brigades: what kept volunteers engaged?", IsModality: true),
        new("consult", "Ask for comments on a document or plan by a deadline.", "consult Draft M&E framework for the nutrition programme", IsModality: true),
        new("collaborate", "Form a small working group to produce something together.", "collaborate Write a guidance note on shock-responsive social protection", IsModality: true),
        new("search", "Search what the community has already answered and synthesised.", "search cash transfers informal workers"),
        new("profile", "See and edit your expertise, languages and availability.", "profile"),
        new("stats", "Facilitators: the community's indicators for a period (members, answer rate, gaps, top contributors).", "stats 30"),
        new("gaps", "Facilitators: topics nobody could answer, and who knows what in the community.", "gaps"),
        new("synthesize", "Facilitators: turn a thread's contributions into a consolidated reply.", "synthesize"),
        new("digest", "Facilitators: preview the community digest (new replies, open requests, newcomers, top contributors).", "digest"),
        new("help", "Show this list.", "help"),
    ];

    /// <summary>Teams shows at most this many commands per scope (the manifest schema's limit).</summary>
    public const int MaxManifestCommands = 10;

    /// <summary>
    /// Commands left out of a scope's manifest list to stay within <see cref="MaxManifestCommands"/>; they still work
    /// there when typed. <c>digest</c> is a 1:1 preview, <c>synthesize</c> without an id needs a request's thread.
    /// </summary>
    public static IReadOnlyList<string> UnlistedIn(string scope) => scope == "personal" ? ["synthesize"] : ["digest"];

    public static CommandHelp? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The longer explanation behind a command's help button.</summary>
    public static string Details(string name) => name switch
    {
        "query" => "Write your question after the word query, in a channel (mention me) or here in chat. Add #tags for topics if you know them. I check whether the community has answered it before, then ask up to three members with matching experience in 1:1 chats, post their answers in your thread, and remind them before the deadline.",
        "discuss" => "Start with discuss and a topic (a second line is the framing question), or type discuss alone for a form with a closing date. I post a topic card in the thread, invite the members who have dealt with similar problems, count every reply in the thread as a contribution, nudge the invitees once if it goes quiet, and hand the thread to the facilitators for a synthesis at the closing date (a week by default).",
        "consult" => "Start with consult and a title; the form asks for the link to your document, up to five questions, a deadline and, if you like, the reviewers you want. Reviewers get a 1:1 review card (an answer per question and a rating) they can edit until the deadline, are reminded the day before, and at the deadline you and the facilitators get every answer grouped by question.",
        "collaborate" => "Start with collaborate and the goal; the form asks what you will produce, by when, and how many people you need as coordinator, expert, knowledge manager or writer. I invite suitable members to each role 1:1, keep a working-group card with roles, members and a task checklist in the thread, post a progress card every week, and credit every member when you record the deliverable.",
        "gaps" => "Facilitators only: gaps lists the topics of requests nobody in the profile index had evidence for (how many, the latest question) and the community's who-knows-what map: its most widely held topics with the members routing would ask first.",
        "search" => "Write search and a few words. I look through the questions the community has answered and the consolidated replies facilitators published, and show the best matches with who contributed and a link to the thread.",
        "profile" => "Your profile tells me what you know: topics with a level, languages, location, organisation, and whether you are available. It decides which questions reach you.",
        "stats" => "Facilitators and coordinators only: stats shows the last 30 days; stats 7 the last week; stats 2025-01-01 2025-03-31 a period. Members, active contributors, levels of participation, requests, answer rate, median time to first answer, questions answered from the knowledge base, gaps by topic and top contributors. The admin CLI exports the same as CSV.",
        "digest" => "Facilitators only: digest shows you, privately, what the community's next digest says so far; digest 7 or digest 2025-01-01 2025-03-31 a period of your choice. Every week (configurable) the digest is posted in the community's channel: new consolidated replies, open requests that need help, new members and experts, and thanks to the top contributors. A period with nothing to say posts nothing.",
        "synthesize" => "Facilitators only: in a request's thread, synthesize drafts a consolidated reply from every contribution, crediting each contributor, for you to edit and publish.",
        _ => "Type help to see every command.",
    };
}
