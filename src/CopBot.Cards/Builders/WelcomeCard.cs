namespace CopBot.Cards;

/// <summary>Sent when CopBot is installed in a team, a group chat or a 1:1 chat.</summary>
public static class WelcomeCard
{
    public static AdaptiveCard Build(WelcomeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(view.Commands);

        var modalities = view.Commands.Where(c => c.IsModality).ToList();
        var body = new List<CardElement>
        {
            new TextBlock(Greeting(view)) { Size = TextSize.Large, Weight = FontWeight.Bolder, Wrap = true },
            new TextBlock("I connect this community of practice with the people who know the answers.")
            {
                Wrap = true,
            },
            new TextBlock("Ask me something and I route it to the right experts, post a summary here, and help facilitators pull the answers together.")
            {
                Wrap = true,
                Spacing = Spacing.None,
            },
        };

        if (modalities.Count > 0)
        {
            body.Add(new TextBlock(modalities.Count == 4 ? "Four ways to ask" : "Ways to ask")
            {
                Weight = FontWeight.Bolder,
                Spacing = Spacing.Medium,
            });
            body.Add(new FactSet([.. modalities.Select(m => new Fact(CardText.Escape(m.Name, 60), CardText.Escape(m.Summary, 300)))]));
        }

        body.Add(new TextBlock(GettingStarted(view.Scope, modalities.FirstOrDefault())) { Wrap = true, IsSubtle = true });

        // One button per modality plus "All commands", within the action bar's limit.
        List<CardAction> actions = [.. HelpButtons.ForModalities(modalities, reserved: 1), new ExecuteAction("All commands", CardVerbs.HelpShow)];

        return new AdaptiveCard
        {
            Body = body,
            Actions = actions,
            MsTeams = view.Scope == WelcomeScope.Personal ? null : TeamsCardOptions.FullWidth,
            FallbackText = "Welcome to CopBot. Type help to see what I can do.",
        };
    }

    private static string Greeting(WelcomeView view) => view.Scope switch
    {
        WelcomeScope.Personal when !string.IsNullOrWhiteSpace(view.UserName) =>
            $"Hi {CardText.Escape(view.UserName, 60)}, I'm CopBot",
        WelcomeScope.Personal => "Hi, I'm CopBot",
        _ when !string.IsNullOrWhiteSpace(view.TeamName) => $"Thanks for adding CopBot to {CardText.Escape(view.TeamName, 80)}",
        WelcomeScope.Team => "Thanks for adding CopBot to this team",
        _ => "Thanks for adding CopBot to this chat",
    };

    private static string GettingStarted(WelcomeScope scope, CommandHelp? example)
    {
        var how = scope == WelcomeScope.Personal
            ? "Type a command here"
            : "Mention me with a command";
        return example is null
            ? $"{how}, or type help to see them all."
            : $"{how}, for example: {CardText.Escape(example.Example, 200)}";
    }
}
