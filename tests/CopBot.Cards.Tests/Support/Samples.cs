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
}
