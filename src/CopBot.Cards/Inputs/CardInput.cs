namespace CopBot.Cards;

/// <summary>
/// Base of the inputs. The id is mandatory: it names the value in the submitted data, and the parser
/// rejects inputs without one.
/// </summary>
public abstract record CardInput : CardElement
{
    private protected CardInput(string type, string id)
        : base(type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Shown above the input; required inputs should always have one (accessibility).</summary>
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    /// <summary>Shown when validation fails; required inputs should always have one.</summary>
    public string? ErrorMessage { get; init; }
}
