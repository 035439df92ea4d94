using CopBot.Community;

namespace CopBot.Community.Tests.Routing;

/// <summary>Small hand-made communities for ranking tests.</summary>
internal static class Communities
{
    public const string Name = "brewers";

    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static ExpertProfile Expert(
        string id, IReadOnlyList<Skill>? skills = null, IReadOnlyList<AnsweredQuestion>? history = null, string? organization = null, int maxOpen = 3) =>
        new(Name, id, "Name of " + id, skills ?? [], [CommunityRole.Expert], maxOpen)
        {
            History = history ?? [],
            Organization = organization,
        };

    public static AnsweredQuestion Answered(string title, string tag, int daysAgo = 10, string? text = null) =>
        new(title, text, [tag], Now.AddDays(-daysAgo));

    /// <summary>The same unrelated answer many times: a very active generalist.</summary>
    public static IReadOnlyList<AnsweredQuestion> Many(int count, string tag, int daysAgo = 10) =>
        [.. Enumerable.Range(0, count).Select(i => Answered($"Question {i} about {tag} matters", tag, daysAgo))];

    /// <summary>A hop specialist, a yeast specialist by history only, and a busy generalist.</summary>
    public static ExpertIndex Brewers(params ExpertProfile[] extra) => ExpertIndex.Build(Name,
    [
        Expert("hops-skill", skills: [new Skill("hops", 5)]),
        Expert("yeast-history", history:
        [
            Answered("Why does my fermentation stall at high gravity?", "yeast", text: "Pitch more yeast and oxygenate the wort."),
            Answered("Which yeast strain gives banana esters in a wheat beer?", "yeast"),
        ]),
        Expert("generalist", history: Many(12, "history")),
        .. extra,
    ]);

    public static RoutingQuery Query(string text, params string[] tags) => new(text, tags, AskerId: null, Top: 3);

    public static RoutingContext Context() => new(Now);
}
