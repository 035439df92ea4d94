using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Turns;

/// <summary>
/// A button press on one of our cards, whichever way it arrived: an <c>adaptiveCard/action</c> invoke
/// (Action.Execute) or a message carrying <c>value</c> (the Action.Submit fallback of older clients).
/// <paramref name="Data"/> holds the action's data merged with the card's input values.
/// </summary>
public sealed record CardActionRequest(string Verb, JsonElement Data, bool IsInvoke, string? CardActivityId)
{
    public const string VerbProperty = "verb";

    public static CardActionRequest? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke && activity.Name == AdaptiveCardInvokeValue.InvokeName)
        {
            var invoke = AdaptiveCardInvokeValue.FromActivity(activity);
            return invoke?.Action?.Verb is { Length: > 0 } verb
                ? new CardActionRequest(verb, invoke.Action.Data ?? default, IsInvoke: true, activity.ReplyToId)
                : null;
        }

        if (activity.Type == ActivityTypes.Message && activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(VerbProperty, out var submitted) && submitted.ValueKind == JsonValueKind.String)
        {
            return new CardActionRequest(submitted.GetString()!, value, IsInvoke: false, activity.ReplyToId);
        }

        return null;
    }

    /// <summary>A string field of the data (inputs and action data), or null when absent or not a string.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String
            ? field.GetString()
            : null;

    /// <summary>
    /// A field as text whether the client sent it as a string or a JSON number (Input.Number values arrive as
    /// strings from Teams but as numbers from some clients); null when absent or of another kind.
    /// </summary>
    public string? GetText(string name) =>
        GetString(name)
        ?? (Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Number
            ? field.GetRawText()
            : null);
}
