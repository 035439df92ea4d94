using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>
/// An Adaptive Card 1.5, the highest schema Teams renders. Serialise it with <see cref="CardJson"/>.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The schema version every root card declares.</summary>
    public const string SchemaVersion = "1.5";

    /// <summary>The schema URL every root card declares.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(int.MinValue)]
    public string Type { get; } = "AdaptiveCard";

    /// <summary>The schema URL; null inside an <see cref="ShowCardAction"/>.</summary>
    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(int.MinValue + 1)]
    public string? Schema => IsInline ? null : SchemaUrl;

    /// <summary>The schema version; null inside an <see cref="ShowCardAction"/>.</summary>
    [JsonPropertyOrder(int.MinValue + 2)]
    public string? Version => IsInline ? null : SchemaVersion;

    public IReadOnlyList<CardElement>? Body { get; init; }

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Lets Teams fetch an up-to-date card (per user) when the card is shown.</summary>
    public CardRefresh? Refresh { get; init; }

    /// <summary>Teams-only options, e.g. full width.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardOptions? MsTeams { get; init; }

    /// <summary>Shown by clients that cannot render the card (notifications, old clients).</summary>
    public string? FallbackText { get; init; }

    /// <summary>Set by <see cref="ShowCardAction"/>: nested cards carry no $schema or version.</summary>
    [JsonIgnore]
    internal bool IsInline { get; init; }
}
