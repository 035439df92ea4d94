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
        new("synthesize", "Facilitators: turn a thread's contributions into a consolidated reply.", "synthesize"),
        new("help", "Show this list.", "help"),
    ];

    public static CommandHelp? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The longer explanation behind a command's help button.</summary>
    public static string Details(string name) => name switch
    {
        "query" => "Write your question after the word query, in a channel (mention me) or here in chat. Add #tags for topics if you know them. I check whether the community has answered it before, then ask up to three members with matching experience in 1:1 chats, post their answers in your thread, and remind them before the deadline.",
        "discuss" => "Start with discuss and a topic. I open a thread with a topic card, invite members who have dealt with similar problems, keep count of contributions, and hand the thread to a facilitator for a consolidated reply when it closes.",
        "consult" => "Start with consult and a title, then give the link to your document, up to five questions you want answered and a deadline. Reviewers get a 1:1 review card; you get every answer grouped by question at the deadline.",
        "collaborate" => "Start with collaborate and the goal. Say what you will produce, by when, and which roles you need. I invite suitable members to each role and keep a working-group card with members and tasks in the thread.",
        "search" => "Write search and a few words. I look through the questions the community has answered and the consolidated replies facilitators published, and show the best matches with who contributed and a link to the thread.",
        "profile" => "Your profile tells me what you know: topics with a level, languages, location, organisation, and whether you are available. It decides which questions reach you.",
        "stats" => "Facilitators and coordinators only: stats shows the last 30 days; stats 7 the last week; stats 2025-01-01 2025-03-31 a period. Members, active contributors, levels of participation, requests, answer rate, median time to first answer, questions answered from the knowledge base, gaps by topic and top contributors. The admin CLI exports the same as CSV.",
        "synthesize" => "Facilitators only: in a request's thread, synthesize drafts a consolidated reply from every contribution, crediting each contributor, for you to edit and publish.",
        _ => "Type help to see every command.",
    };
}
