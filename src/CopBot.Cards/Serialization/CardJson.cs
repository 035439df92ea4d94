using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>Writes cards as the exact Adaptive Card schema JSON: type first, camelCase, nulls omitted.</summary>
public static class CardJson
{
    /// <summary>
    /// The relaxed encoder writes non-ASCII text and characters like &lt; as they are instead of
    /// <c>\uXXXX</c>: card JSON goes to Teams as data, never into an HTML page, and escapes would eat into
    /// the 28 KB budget (six bytes per character instead of one to three).
    /// </summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, Options);
    }

    /// <summary>The card as a JSON value, ready to embed as an attachment's <c>content</c>.</summary>
    public static JsonElement ToJsonElement(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToElement(card, Options);
    }

    /// <summary>UTF-8 size of the serialised card, to compare with <see cref="CardLimits.MaxBytes"/>.</summary>
    public static int SizeInBytes(AdaptiveCard card) => Encoding.UTF8.GetByteCount(Serialize(card));
}
