using System.Security.Cryptography;
using System.Text.Json;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>A modality's status card in its request thread, drawn from the stored request as it is now.</summary>
public sealed record DrawnThreadCard(QueryPlace Place, string? ActivityId, AdaptiveCard Card, string Summary, string Version);

/// <summary>Draws one modality's thread card from storage (registered by the modality, found by <see cref="Modality"/>).</summary>
public interface IThreadCardSource
{
    string Modality { get; }

    /// <summary>The card for the request's current state; null when the request is gone.</summary>
    Task<DrawnThreadCard?> DrawAsync(string community, string requestId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// The outbox handler that redraws a request's thread card (kind <c>thread.redraw</c>). The message says only
/// "redraw the card of request X": the card is rendered from the stored request when it is sent, so a delayed,
/// reordered or repeated redraw never shows an older state than storage holds. After sending it looks again and
/// redraws once more if the request changed meanwhile (a concurrent redraw of an older state may have landed last).
/// Several messages finding the same state draw it once: the first draw of a version is claimed in the deliveries
/// table (<c>thread.shown|…</c>) and recorded once the connector accepted it.
/// </summary>
public sealed class ThreadCardRedraw(IEnumerable<IThreadCardSource> sources, ThreadPoster poster, TimeProvider clock, OutboxDeliveries? shown = null) : IOutboxHandler
{
    public const string RedrawKind = "thread.redraw";

    private const int MaxRedraws = 3;

    private readonly Dictionary<string, IThreadCardSource> _sources = sources.ToDictionary(s => s.Modality, StringComparer.Ordinal);

    public string Kind => RedrawKind;

    /// <summary>
    /// "Redraw the card of this request after it reached <paramref name="version"/>": the key holds the version, so the
    /// same change enqueued twice (a redelivered turn, two instances' timers) redraws once, and a later change again.
    /// </summary>
    public static OutboxMessage Message(string modality, string community, string requestId, string version) =>
        OutboxMessage.Create(RedrawKind, OutboxMessage.KeyOf($"{modality}:{requestId}", version, RedrawKind), new Payload(modality, community, requestId));

    /// <summary>The version of a stored request: a hash of its state (same state, same key).</summary>
    public static string VersionOf(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, request.GetType())))[..16];
    }

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        if (!_sources.TryGetValue(payload.Modality, out var source))
        {
            throw new InvalidOperationException($"No thread card source for modality '{payload.Modality}'.");
        }

        string? shownVersion = null;
        for (var redraw = 0; redraw < MaxRedraws; redraw++)
        {
            var drawn = await source.DrawAsync(payload.Community, payload.RequestId, clock.GetUtcNow(), cancellationToken);
            if (drawn is not { ActivityId.Length: > 0 } || drawn.Version == shownVersion)
            {
                break;
            }

            if (redraw == 0)
            {
                if (!await DrawOnceAsync(drawn, cancellationToken))
                {
                    break;
                }
            }
            else
            {
                // A re-check after our own send: always sent, the card may show an older state that landed after ours.
                await poster.UpdateCardAsync(drawn.Place, drawn.ActivityId, drawn.Card, drawn.Summary, cancellationToken);
            }

            shownVersion = drawn.Version;
        }

        return shownVersion ?? "none";
    }

    /// <summary>Sends this version unless another message already showed it (or is showing it now); false when skipped.</summary>
    private async Task<bool> DrawOnceAsync(DrawnThreadCard drawn, CancellationToken cancellationToken)
    {
        if (shown is null)
        {
            await poster.UpdateCardAsync(drawn.Place, drawn.ActivityId, drawn.Card, drawn.Summary, cancellationToken);
            return true;
        }

        var key = $"thread.shown|{drawn.ActivityId}|{drawn.Version}";
        var claim = await shown.ClaimAsync(key, nameof(ThreadCardRedraw), clock.GetUtcNow(), TimeSpan.FromMinutes(2), cancellationToken);
        if (claim.State != DeliveryState.Claimed)
        {
            return false;
        }

        try
        {
            await poster.UpdateCardAsync(drawn.Place, drawn.ActivityId, drawn.Card, drawn.Summary, cancellationToken);
        }
        catch
        {
            await shown.ReleaseAsync(key, claim.ETag, CancellationToken.None);
            throw;
        }

        await shown.RecordSentAsync(key, drawn.Version, nameof(ThreadCardRedraw), clock.GetUtcNow(), cancellationToken);
        return true;
    }

    public Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record Payload(string Modality, string Community, string RequestId);
}

/// <summary>What turns and timers call to have a request's thread card redrawn: one <see cref="ThreadCardRedraw"/> message.</summary>
public sealed class ThreadCardUpdates(IOutbox outbox)
{
    /// <summary>Redraws the card of <paramref name="request"/> as stored now (its state names the change, for the key).</summary>
    public Task RedrawAsync(string modality, ICommunityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RedrawAsync(modality, request.Community, request.Id, request, cancellationToken);
    }

    /// <summary>The same for a request that is not an <see cref="ICommunityRequest"/> (a query).</summary>
    public Task RedrawAsync(string modality, string community, string requestId, object state, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync([ThreadCardRedraw.Message(modality, community, requestId, ThreadCardRedraw.VersionOf(state))], cancellationToken);
}
