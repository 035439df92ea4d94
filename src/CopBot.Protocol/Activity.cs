using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Typed properties cover what the bot reads or writes;
/// anything else the channel sends (Teams adds fields often) lands in <see cref="Extra"/> and is written back unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>One of <see cref="ActivityTypes"/>.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone of the sender's client, e.g. <c>Europe/Paris</c>.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Where replies to this activity go; differs per region and tenant, so never cache one globally.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The Bot Framework channel, <c>msteams</c> for Teams (not a Teams channel: see <see cref="TeamsChannelData.Channel"/>).</summary>
    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Speak { get; set; }

    public string? InputHint { get; set; }

    public string? Summary { get; set; }

    public IReadOnlyList<Attachment>? Attachments { get; set; }

    public string? AttachmentLayout { get; set; }

    public IReadOnlyList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific data; for Teams read it with <see cref="TeamsActivityExtensions.GetTeamsChannelData"/>.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>Invoke payloads and Action.Submit data.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The invoke or event name, e.g. <c>adaptiveCard/action</c>.</summary>
    public string? Name { get; set; }

    /// <summary>For installationUpdate: <c>add</c>, <c>remove</c>, <c>add-upgrade</c>, <c>remove-upgrade</c>.</summary>
    public string? Action { get; set; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; set; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; set; }

    public IReadOnlyList<MessageReaction>? ReactionsAdded { get; set; }

    public IReadOnlyList<MessageReaction>? ReactionsRemoved { get; set; }

    public string? TopicName { get; set; }

    public bool? HistoryDisclosed { get; set; }

    public string? ValueType { get; set; }

    public string? Importance { get; set; }

    public string? DeliveryMode { get; set; }

    public DateTimeOffset? Expiration { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A plain message; the caller (or the turn) fills in the addressing.</summary>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>A message carrying one Adaptive Card; <paramref name="summaryText"/> is what notifications and previews show.</summary>
    public static Activity CreateAdaptiveCardMessage(JsonElement card, string? summaryText) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summaryText,
        Attachments = [Attachment.AdaptiveCard(card)],
    };
}
