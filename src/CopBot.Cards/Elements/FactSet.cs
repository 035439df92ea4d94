namespace CopBot.Cards;

/// <summary>A list of title/value pairs shown as a two-column table.</summary>
public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement("FactSet");

/// <summary>One row of a <see cref="FactSet"/>. Some Teams clients render markdown in both fields.</summary>
public sealed record Fact(string Title, string Value);
