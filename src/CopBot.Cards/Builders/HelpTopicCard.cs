namespace CopBot.Cards;

/// <summary>One command in detail, with a button back to the list; the answer to <see cref="CardVerbs.HelpShow"/> with a command.</summary>
public static class HelpTopicCard
{
    /// <summary>Longest details shown; help text is ours, but the card must stay small.</summary>
    public const int MaxDetailsLength = 4000;

    public static AdaptiveCard Build(CommandHelp command, string details)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(details);

        var name = CardText.Escape(command.Name, 60);
        List<CardElement> body =
        [
            new TextBlock(name) { Size = TextSize.Large, Weight = FontWeight.Bolder },
            new TextBlock(CardText.Escape(command.Summary, 300)) { Wrap = true, Spacing = Spacing.None },
            new FactSet([new Fact("Example", CardText.Escape(command.Example, 300))]),
        ];
        if (!string.IsNullOrWhiteSpace(details))
        {
            body.Add(new TextBlock(CardText.Escape(details, MaxDetailsLength)) { Wrap = true, Separator = true });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [new ExecuteAction("Back to all commands", CardVerbs.HelpBack)],
            MsTeams = TeamsCardOptions.FullWidth,
            FallbackText = $"Help for {name}: {CardText.Escape(command.Summary, 300)}",
        };
    }
}
