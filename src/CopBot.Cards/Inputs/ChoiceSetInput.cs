using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary><c>Input.ChoiceSet</c>: pick one or several of <see cref="Choices"/>.</summary>
public sealed record ChoiceSetInput : CardInput
{
    public ChoiceSetInput(string id, IReadOnlyList<Choice> choices)
        : base("Input.ChoiceSet", id)
    {
        ArgumentNullException.ThrowIfNull(choices);
        Choices = choices;
    }

    public IReadOnlyList<Choice> Choices { get; init; }

    public bool? IsMultiSelect { get; init; }

    public ChoiceInputStyle? Style { get; init; }

    /// <summary>Initially selected value(s); several values are comma-separated.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}

/// <summary>One option of a <see cref="ChoiceSetInput"/>: shown <see cref="Title"/>, submitted <see cref="Value"/>.</summary>
public sealed record Choice(string Title, string Value);

/// <summary>How a choice set is drawn; the schema spells these in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    /// <summary>A drop-down.</summary>
    [JsonStringEnumMemberName("compact")]
    Compact,

    /// <summary>Radio buttons or check boxes.</summary>
    [JsonStringEnumMemberName("expanded")]
    Expanded,

    /// <summary>A drop-down with type-ahead filtering (schema 1.5).</summary>
    [JsonStringEnumMemberName("filtered")]
    Filtered,
}
