namespace CopBot.Community.Tests.Synthesis;

/// <summary>Requests to synthesise: a small hand-written fire-management thread.</summary>
internal static class Threads
{
    public static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static SynthesisContribution By(string id, string name, string? organization, string text, double hoursAfter) =>
        new($"c-{id}-{hoursAfter}", new Contributor(id, name, organization), text, Asked.AddHours(hoursAfter));

    public static SynthesisRequest FireBrigades() => new(
        "default",
        "q-fire",
        "query",
        "How do we keep village fire brigade volunteers engaged through the dry season? #fire-management",
        new Contributor("asker", "Zeynep Karaca"),
        Asked,
        [
            By("kalani", "Kalani Akana", "Forest Service", "Pay volunteers a small stipend during the burning season. Stipends kept two thirds of our brigades active in Kenya. See https://example.org/stipends for the evaluation.", 3),
            By("ana", "Ana Lima", "FAO", "A small stipend during the burning season keeps volunteers active, in our experience too. Train the brigades together with the forest rangers every year. Has anyone tried insurance for volunteers?", 5),
            By("omar", "Omar Haddad", "FAO", "However, stipends stop working when the money runs out; recognition by the village council lasted longer for us. I recommend a public ceremony for the brigades after the season.", 8),
            By("li", "Li Wei", null, "Equipment matters: brigades without boots and beaters drop out within weeks. Check the equipment stock before the dry season starts.", 26),
            By("kalani", "Kalani Akana", "Forest Service", "Thanks!", 30),
        ]);
}
