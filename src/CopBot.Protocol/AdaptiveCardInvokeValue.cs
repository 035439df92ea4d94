using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>
/// The <c>value</c> of an <c>adaptiveCard/action</c> invoke: an Action.Execute press (or a card refresh).
/// Teams merges the card's input values into <see cref="AdaptiveCardInvokeAction.Data"/>.
/// </summary>
public sealed class AdaptiveCardInvokeValue
{
    public const string InvokeName = "adaptiveCard/action";

    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> for a button press, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The invoke value, or null when the activity is not an <c>adaptiveCard/action</c> invoke or its value is malformed.</summary>
    public static AdaptiveCardInvokeValue? FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(activity.Name, InvokeName, StringComparison.OrdinalIgnoreCase)
            || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize<AdaptiveCardInvokeValue>(ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The pressed action: <c>Action.Execute</c> with its verb and data.</summary>
public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public string? Verb { get; set; }

    public string? Title { get; set; }

    public JsonElement? Data { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
