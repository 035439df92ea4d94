namespace CopBot.Cards;

/// <summary>Keys CopBot puts in action data; the host reads them back from the activity.</summary>
public static class CardDataKeys
{
    /// <summary>
    /// Carries the verb in the data of the <see cref="SubmitAction"/> fallback of an
    /// <see cref="ExecuteAction"/>, so a message from a client without Universal Actions still names it.
    /// </summary>
    public const string Verb = "verb";

    /// <summary>The command a help button is about.</summary>
    public const string Command = "command";
}
