using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// The playground's conversation WebSocket: every bot message in a chat the current user is in. Connected
/// before the test acts (frames sent while nobody listens are handed to the next client), and it only collects:
/// waiting for a message never consumes it, so several waits may match the same one.
/// </summary>
public sealed class ConversationFeed : IAsyncDisposable
{
    public const string Path = "/_ws_conversation/v1/conversations/stream";

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonObject> _frames = [];
    private readonly Task _receiving;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    private ConversationFeed(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = ReceiveAllAsync();
    }

    /// <summary>Raw frames so far (messages and typing), for failure messages.</summary>
    public IReadOnlyList<JsonObject> Frames
    {
        get
        {
            lock (_frames)
            {
                return [.. _frames];
            }
        }
    }

    public static async Task<ConversationFeed> ConnectAsync(int port)
    {
        // Exact path, no query string: the playground drops sockets whose URL has one.
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}{Path}"), timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new ConversationFeed(socket);
    }

    /// <summary>The first bot message (received so far or later) matching <paramref name="predicate"/>; throws after <paramref name="timeout"/>.</summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(Func<PlaygroundMessage, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Task changed;
            lock (_frames)
            {
                var match = _frames.Select(PlaygroundMessage.FromFrame).FirstOrDefault(m => m is not null && predicate(m));
                if (match is not null)
                {
                    return match;
                }

                if (_failure is not null)
                {
                    throw new InvalidOperationException("The conversation WebSocket failed. " + Describe(), _failure);
                }

                changed = _changed.Task;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
            {
                throw new TimeoutException($"No matching bot message within {timeout.TotalSeconds} s. {Describe()}");
            }
        }
    }

    private async Task ReceiveAllAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("The playground closed the conversation WebSocket.");
                }

                text.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Add(JsonNode.Parse(Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length))!.AsObject());
                    text.SetLength(0);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception ex) when (ex is WebSocketException or JsonException or InvalidOperationException)
        {
            Signal(() => _failure = ex);
        }
    }

    private void Add(JsonObject frame) => Signal(() => _frames.Add(frame));

    private void Signal(Action change)
    {
        TaskCompletionSource changed;
        lock (_frames)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private string Describe()
    {
        var frames = Frames;
        return frames.Count == 0
            ? "No frame was received."
            : $"Frames received ({frames.Count}):{Environment.NewLine}" + string.Join(Environment.NewLine, frames.Select(f => Shorten(f.ToJsonString())));
    }

    private static string Shorten(string json) => json.Length <= 600 ? json : json[..600] + "…";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The socket is aborted below either way.
        }

        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }
}
