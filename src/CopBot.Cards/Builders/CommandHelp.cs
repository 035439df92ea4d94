namespace CopBot.Cards;

/// <summary>What the help cards say about one command. All text is plain (builders escape it).</summary>
/// <param name="Name">What the user types, e.g. <c>query</c>.</param>
/// <param name="Summary">One line on what the command does.</param>
/// <param name="Example">A complete example, e.g. <c>query How do we version our APIs?</c>.</param>
/// <param name="IsModality">
/// True for the four ways to ask (query, discuss, consult, collaborate): those get their own button.
/// </param>
public sealed record CommandHelp(string Name, string Summary, string Example, bool IsModality = false);
