using CopBot.Turns;

namespace CopBot.Features.Requests;

/// <summary>
/// The checks every request card action starts with: a request id of sane length read from the data (the stored
/// request is then the only source of truth), and the standard refusals, so every modality says the same thing.
/// </summary>
public static class CardActionGuard
{
    public const int MaxRequestIdLength = 100;

    public const string UnknownRequest = "I cannot find this request any more.";

    public const string NotAllowedToSteer = "Only the person who started this, or a facilitator, can close, extend or cancel it.";

    public const string AlreadyClosed = "This request is closed; nothing was changed.";

    /// <summary>The request id named by the card, or null when missing or not a plausible id (forged data).</summary>
    public static string? RequestId(CardActionRequest action, string key)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.GetString(key) is { Length: > 0 and <= MaxRequestIdLength } id ? id : null;
    }

    public static CardActionResult Unknown() => CardActionResult.Refuse(StatusCodes.Status404NotFound, UnknownRequest);

    public static CardActionResult Forbidden(string reason) => CardActionResult.Refuse(StatusCodes.Status403Forbidden, reason);

    public static CardActionResult BadInput(string reason) => CardActionResult.Refuse(StatusCodes.Status400BadRequest, reason);

    public static CardActionResult Closed() => CardActionResult.Refuse(StatusCodes.Status409Conflict, AlreadyClosed);
}
