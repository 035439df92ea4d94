namespace CopBot.Cards;

/// <summary>
/// <c>Action.Submit</c>: Teams posts a <c>message</c> activity whose <c>value</c> is <see cref="Data"/>
/// merged with the inputs. Prefer <see cref="ExecuteAction"/>, which carries one of these as fallback.
/// </summary>
public sealed record SubmitAction : CardAction
{
    public SubmitAction(string title)
        : base("Action.Submit", title)
    {
    }

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public AssociatedInputs? AssociatedInputs { get; init; }
}
