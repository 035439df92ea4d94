namespace CopBot.Cards;

/// <summary>The help buttons the welcome and help cards share.</summary>
internal static class HelpButtons
{
    /// <summary>Opens one command's details.</summary>
    public static ExecuteAction ForCommand(CommandHelp command) =>
        new($"How to {CardText.Escape(command.Name, 40)}", CardVerbs.HelpShow)
        {
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { [CardDataKeys.Command] = command.Name },
        };

    /// <summary>One button per modality command, leaving <paramref name="reserved"/> slots for other buttons.</summary>
    public static IEnumerable<CardAction> ForModalities(IEnumerable<CommandHelp> commands, int reserved = 0) =>
        commands.Where(c => c.IsModality).Take(CardLimits.MaxActions - reserved).Select(ForCommand);
}
