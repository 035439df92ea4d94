namespace CopBot.Cards;

/// <summary>The list of commands, each with an example; the answer to <c>help</c> and <see cref="CardVerbs.HelpBack"/>.</summary>
public static class HelpCard
{
    /// <param name="commands">Every command to list.</param>
    /// <param name="intro">Optional plain-text line above the list (e.g. why the list is shown); escaped here.</param>
    public static AdaptiveCard Build(IReadOnlyList<CommandHelp> commands, string? intro = null)
    {
        ArgumentNullException.ThrowIfNull(commands);

        var body = new List<CardElement>();
        if (!string.IsNullOrWhiteSpace(intro))
        {
            body.Add(new TextBlock(CardText.Escape(intro, 300)) { Wrap = true });
        }

        body.AddRange(
        [
            new TextBlock("CopBot commands") { Size = TextSize.Large, Weight = FontWeight.Bolder },
            new TextBlock("Mention me in a channel or message me in chat, then type one of these.")
            {
                Wrap = true,
                IsSubtle = true,
                Spacing = Spacing.None,
            },
        ]);
        body.AddRange(commands.Select(Entry));

        var actions = HelpButtons.ForModalities(commands).ToList();
        return new AdaptiveCard
        {
            Body = body,
            Actions = actions.Count > 0 ? actions : null,
            MsTeams = TeamsCardOptions.FullWidth,
            FallbackText = "CopBot commands: " + string.Join(", ", commands.Select(c => CardText.Escape(c.Name, 60))),
        };
    }

    private static Container Entry(CommandHelp command) => new(
    [
        new TextBlock(CardText.Escape(command.Name, 60)) { Weight = FontWeight.Bolder },
        new TextBlock(CardText.Escape(command.Summary, 300)) { Wrap = true, Spacing = Spacing.None },
        new TextBlock("Example: " + CardText.Escape(command.Example, 300))
        {
            Wrap = true,
            IsSubtle = true,
            Spacing = Spacing.None,
        },
    ])
    {
        Separator = true,
        Spacing = Spacing.Medium,
    };
}
