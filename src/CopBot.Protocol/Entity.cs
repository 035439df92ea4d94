using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>
/// Metadata attached to an activity. Only mentions are typed (<see cref="Mentioned"/>, <see cref="Text"/>);
/// every other entity (clientInfo, message, …) keeps its fields in <see cref="Extra"/>.
/// </summary>
public sealed class Entity
{
    public const string MentionType = "mention";
    public const string ClientInfoType = "clientInfo";

    public string? Type { get; set; }

    /// <summary>For a mention: who was mentioned.</summary>
    public ChannelAccount? Mentioned { get; set; }

    /// <summary>For a mention: the exact markup in the activity text, e.g. <c>&lt;at&gt;CopBot&lt;/at&gt;</c>.</summary>
    public string? Text { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public bool IsMention => string.Equals(Type, MentionType, StringComparison.OrdinalIgnoreCase);

    /// <summary>A mention entity for <paramref name="account"/>; put <see cref="Text"/> in the message text where it should appear.</summary>
    public static Entity Mention(ChannelAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new Entity
        {
            Type = MentionType,
            Mentioned = new ChannelAccount { Id = account.Id, Name = account.Name },
            Text = $"<at>{account.Name}</at>",
        };
    }
}
