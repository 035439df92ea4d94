using CopBot.Cards;

namespace CopBot.Turns;

/// <summary>What a card action handler wants the user to see: the card replaced in place, or a short message.</summary>
public abstract record CardActionResult
{
    private CardActionResult()
    {
    }

    public static CardActionResult Replace(AdaptiveCard card) => new ReplaceCard(card);

    public static CardActionResult Say(string text) => new Message(text);

    /// <summary>The action was refused (forged data, not allowed, stale card): the card stays, the user is told why.</summary>
    public static CardActionResult Refuse(int statusCode, string reason) => new Refusal(statusCode, reason);

    public sealed record ReplaceCard(AdaptiveCard Card) : CardActionResult;

    public sealed record Message(string Text) : CardActionResult;

    public sealed record Refusal(int StatusCode, string Reason) : CardActionResult;
}
