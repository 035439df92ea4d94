using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>
/// Base of the actions (buttons). As with elements, <see cref="Type"/> is a real property written first.
/// </summary>
[JsonDerivedType(typeof(ExecuteAction))]
[JsonDerivedType(typeof(SubmitAction))]
[JsonDerivedType(typeof(OpenUrlAction))]
[JsonDerivedType(typeof(ShowCardAction))]
public abstract record CardAction
{
    private protected CardAction(string type, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Type = type;
        Title = title;
    }

    /// <summary>The schema's action type, e.g. <c>Action.Execute</c>.</summary>
    [JsonPropertyOrder(int.MinValue)]
    public string Type { get; }

    /// <summary>The button label (plain text; never markdown).</summary>
    [JsonPropertyOrder(-2)]
    public string Title { get; init; }

    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    public ActionStyle? Style { get; init; }
}
