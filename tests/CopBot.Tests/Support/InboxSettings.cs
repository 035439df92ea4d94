namespace CopBot.Tests.Support;

/// <summary>Bot settings under which an unfinished activity is taken over within a second and given up after two turns.</summary>
public static class InboxSettings
{
    public static IReadOnlyDictionary<string, string?> GiveUpQuickly { get; } = new Dictionary<string, string?>
    {
        ["CopBot:Inbox:Lease"] = "00:00:01",
        ["CopBot:Inbox:SweepInterval"] = "00:00:00.100",
        ["CopBot:Inbox:MaxAttempts"] = "2",
        ["BotConnector:MaxRetryAttempts"] = "0",
    };
}
