using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CopBot.Protocol.Authentication;

/// <summary>
/// The Bot Framework JWKS lists, on each key, the channels it may sign for (<c>"endorsements": ["msteams", …]</c>).
/// A token signed with a key not endorsed for the activity's channel was not issued for that channel.
/// </summary>
internal static class SigningKeyEndorsements
{
    public const string PropertyName = "endorsements";

    public static bool Contains(OpenIdConnectConfiguration configuration, string? keyId, string channelId)
    {
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(candidate => string.Equals(candidate.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue(PropertyName, out var endorsements))
        {
            return false;
        }

        return Read(endorsements).Contains(channelId, StringComparer.Ordinal);
    }

    // IdentityModel keeps unknown JWK members as JsonElement or as materialised lists, depending on version.
    private static IEnumerable<string> Read(object? endorsements) => endorsements switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!),
        string => [],
        IEnumerable items => items.OfType<object>().Select(item => item is JsonElement { ValueKind: JsonValueKind.String } element ? element.GetString()! : item as string).OfType<string>(),
        _ => [],
    };
}
