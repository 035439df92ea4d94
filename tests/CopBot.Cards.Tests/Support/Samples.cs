namespace CopBot.Cards.Tests;

/// <summary>Realistic and hostile inputs for the builders.</summary>
internal static class Samples
{
    public static IReadOnlyList<CommandHelp> Commands { get; } =
    [
        new("query", "Ask a quick question and get a short answer from an expert.", "query How do we version our public APIs?", IsModality: true),
        new("discuss", "Open a discussion thread and invite the people who know the topic.", "discuss Should we move our build pipelines to GitHub Actions?", IsModality: true),
        new("consult", "Book time with an expert for advice on your situation.", "consult I need a review of our Cosmos DB partition keys", IsModality: true),
        new("collaborate", "Find people to work with you on something bigger.", "collaborate Looking for two people to co-write the onboarding guide", IsModality: true),
        new("profile", "Show or update your expert profile and skills.", "profile add skill Kubernetes"),
        new("synthesize", "Facilitators: summarise the answers of a request.", "synthesize r-20250114-07"),
        new("help", "List the commands, or explain one of them.", "help consult"),
    ];

    /// <summary>Text that would inject links, images, mentions, markup and HTML if left as it is.</summary>
    public const string Hostile =
        "[Click here to verify your account](https://evil.example/login) ![x](https://evil.example/pixel.png)\n"
        + "<at>Everyone</at> <script>alert('x')</script> **URGENT** _now_ ~~free~~\n"
        + "# Heading\n> quoted\n- item\n+ item\n1. first\n2) second\n\u202Egnp.exe\u202C";

    /// <summary>Far longer than any card field allows, with emoji (surrogate pairs) throughout.</summary>
    public static string Long { get; } = string.Concat(Enumerable.Repeat("Long question 🙂 with [brackets] and *stars*. ", 800));

    /// <summary>A query's acknowledgement: one expert answered, one still asked, one @mentioned.</summary>
    public static QueryAckView QueryAck(bool closed = false, int answers = 1) => new(
        "q-0123456789abcdef",
        "How do we target cash transfers to informal workers?",
        ["cash-transfers", "targeting"],
        "Ada Lovelace",
        [new QueryExpertLine("Amara", "knows #cash transfers (level 5)", "answered"), new QueryExpertLine("Tomás", "works on social registry", "asked")],
        answers,
        closed)
    {
        Note = "Olumide has not installed CopBot, so I mentioned them here instead of sending a private card.",
    };

    /// <summary>An expert's 1:1 request for <paramref name="question"/>, asked in a channel thread.</summary>
    public static ExpertRequestView ExpertRequest(string question) => new("q-0123456789abcdef", question, ["cash-transfers"], "Ada Lovelace", ["knows #cash transfers (level 5)"])
    {
        ThreadLink = new Uri("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1741684467331?parentMessageId=1741684467331"),
    };

    /// <summary>An expert with a complete profile.</summary>
    public static ProfileView Amara(bool exists = true) => new(
        "Amara Nwosu-Lindqvist", [("cash transfers", 5), ("targeting", 4)], "Cash and social protection in the Sahel.", ["English", "French"], "Dakar", "WFP", exists);
}
