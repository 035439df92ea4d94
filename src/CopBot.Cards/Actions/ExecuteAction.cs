using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>
/// <c>Action.Execute</c> (Universal Actions): Teams sends an <c>adaptiveCard/action</c> invoke with
/// <see cref="Verb"/> and <see cref="Data"/>, and the bot can answer with a replacement card.
/// </summary>
/// <remarks>
/// Clients without Universal Actions do not know Action.Execute, so each one carries an
/// <c>Action.Submit</c> <see cref="Fallback"/> whose data is <c>{"verb": Verb, ...Data}</c>: the host then
/// receives a message with the same verb and data and can route it the same way.
/// </remarks>
public sealed record ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb)
        : base("Action.Execute", title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Verb = verb;
    }

    public string Verb { get; }

    /// <summary>
    /// Hidden values sent with the inputs. The key <see cref="CardDataKeys.Verb"/> is reserved for the
    /// Submit fallback.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Data
    {
        get;
        init
        {
            if (value is not null && value.ContainsKey(CardDataKeys.Verb))
            {
                throw new ArgumentException(
                    $"The data key '{CardDataKeys.Verb}' is reserved for the Action.Submit fallback.", nameof(value));
            }

            field = value;
        }
    }

    public AssociatedInputs? AssociatedInputs { get; init; }

    /// <summary>
    /// Whether to write the Submit <see cref="Fallback"/>. Off only where a fallback means nothing, such as
    /// the action of a <see cref="CardRefresh"/> (the parser never reads a fallback there).
    /// </summary>
    [JsonIgnore]
    public bool IncludeSubmitFallback { get; init; } = true;

    /// <summary>The Action.Submit that clients without Universal Actions show instead.</summary>
    public SubmitAction? Fallback => IncludeSubmitFallback
        ? new SubmitAction(Title)
        {
            Style = Style,
            AssociatedInputs = AssociatedInputs,
            Data = FallbackData(),
        }
        : null;

    private Dictionary<string, string> FallbackData()
    {
        // Verb first: Dictionary enumerates in insertion order when nothing is removed.
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [CardDataKeys.Verb] = Verb };
        if (Data is not null)
        {
            foreach (var (key, value) in Data)
            {
                data[key] = value;
            }
        }

        return data;
    }
}
