namespace CopBot.Outbox;

/// <summary>The registered <see cref="IOutboxHandler"/>s by kind.</summary>
public sealed class OutboxHandlers(IEnumerable<IOutboxHandler> handlers)
{
    private readonly Dictionary<string, IOutboxHandler> _byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public IOutboxHandler? For(string kind) => _byKind.GetValueOrDefault(kind);
}
