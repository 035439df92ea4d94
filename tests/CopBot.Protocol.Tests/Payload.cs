using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

/// <summary>The recorded Teams payloads under Payloads/.</summary>
internal static class Payload
{
    public const string ChannelMention = "channel-message-mention";
    public const string Personal = "personal-message";
    public const string BotAddedToTeam = "conversation-update-bot-added";
    public const string InstallationAdd = "installation-update-add";
    public const string CardActionInvoke = "invoke-adaptive-card-action";
    public const string Reaction = "message-reaction";
    public const string ActionSubmit = "action-submit-message";

    public static readonly string[] All = [ChannelMention, Personal, BotAddedToTeam, InstallationAdd, CardActionInvoke, Reaction, ActionSubmit];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", name + ".json"));

    public static Activity Parse(string name) =>
        JsonSerializer.Deserialize<Activity>(Read(name), ProtocolJson.Options) ?? throw new InvalidOperationException($"{name} parsed to null");
}
