namespace CopBot.Cards;

/// <summary><c>Action.OpenUrl</c>: opens <see cref="Url"/> in the browser.</summary>
public sealed record OpenUrlAction : CardAction
{
    public OpenUrlAction(string title, Uri url)
        : base("Action.OpenUrl", title)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    public Uri Url { get; init; }
}
