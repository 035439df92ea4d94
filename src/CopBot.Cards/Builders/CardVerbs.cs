namespace CopBot.Cards;

/// <summary>
/// The verbs of the builders' <see cref="ExecuteAction"/>s. The host routes <c>adaptiveCard/action</c>
/// invokes (and the Submit fallback's <c>value.verb</c>) by these.
/// </summary>
public static class CardVerbs
{
    /// <summary>Show help: the command list, or one command's details when the data names a <see cref="CardDataKeys.Command"/>.</summary>
    public const string HelpShow = "help.show";

    /// <summary>Return from one command's details to the command list.</summary>
    public const string HelpBack = "help.back";
}
