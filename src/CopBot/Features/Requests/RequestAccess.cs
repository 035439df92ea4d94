using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Requests;

/// <summary>
/// How every modality's card action finds its request: the id from the card data (see <see cref="CardActionGuard"/>),
/// the request from storage, and for the steering buttons the requester-or-facilitator check on the sender.
/// </summary>
public sealed class RequestAccess(RequestAuthorization authorization, IOptions<QueryOptions> community)
{
    public async Task<T?> LoadAsync<T>(CardActionRequest action, string requestIdKey, Func<string, string, CancellationToken, Task<T?>> get, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(get);
        return CardActionGuard.RequestId(action, requestIdKey) is { } id ? await get(community.Value.Community, id, cancellationToken) : null;
    }

    /// <summary>The request, or the refusal: 404 when unknown, 403 when the sender is neither its requester nor a facilitator.</summary>
    public async Task<(T? Request, CardActionResult? Refusal)> SteerableAsync<T>(
        TurnContext turn, CardActionRequest action, string requestIdKey, Func<string, string, CancellationToken, Task<T?>> get, CancellationToken cancellationToken)
        where T : class, ICommunityRequest
    {
        ArgumentNullException.ThrowIfNull(turn);
        var request = await LoadAsync(action, requestIdKey, get, cancellationToken);
        if (request is null)
        {
            return (null, CardActionGuard.Unknown());
        }

        return await authorization.IsRequesterOrFacilitatorAsync(request.Community, request.RequesterId, turn.Activity.From!, cancellationToken)
            ? (request, null)
            : (request, CardActionGuard.Forbidden(CardActionGuard.NotAllowedToSteer));
    }
}
