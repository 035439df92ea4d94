using Microsoft.Extensions.AI;

namespace CopBot.Tests.Synthesis;

/// <summary>The LLM boundary: answers with a fixed text, throws, or never answers; records what it was asked.</summary>
public sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public static FakeChatClient Answering(string text) => new((_, _) => Task.FromResult(text));

    public static FakeChatClient Throwing(Exception exception) => new((_, _) => Task.FromException<string>(exception));

    public static FakeChatClient Hanging() => new(async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return "";
    });

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await answer(list, cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
