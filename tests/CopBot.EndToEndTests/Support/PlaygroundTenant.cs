namespace CopBot.EndToEndTests.Support;

/// <summary>
/// The mock tenant of the repo's .m365agentsplayground.yml (same bot, users, chats and team), as typed data:
/// tests need its ids, and writing the config from here lets the harness check it against the schema before
/// the playground sees it (a config it rejects makes it queue telemetry on the way out).
/// </summary>
public sealed record PlaygroundTenant
{
    public string TenantId { get; init; } = "5f1c0a7e-2d3b-4c4d-9e8f-00c0ba7c0001";

    public string BotId { get; init; } = "28:c0b07000-0000-4000-8000-00000000c0b0";

    public string BotName { get; init; } = "CopBot";

    public PlaygroundUser CurrentUser { get; init; } = new(
        "29:1MemberAskerZeynepKaraca0000000000000000000000000", "Zeynep Karaca", "zeynep.karaca@ngo.example.org",
        "9a8b7c6d-0000-4000-8000-00000000a5e1", "Zeynep", "Karaca", "zeynep.karaca@ngo.example.org");

    /// <summary>Exactly five, as the schema demands; they are profiles of samples/demo-community.jsonl.</summary>
    public IReadOnlyList<PlaygroundUser> Users { get; init; } =
    [
        new("29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl", "Amara Nwosu-Lindqvist", "amara.nwosu@wfp.example.org",
            "6f1c2a3b-8d4e-4f5a-9b6c-7d8e9f0a1b2c", "Amara", "Nwosu-Lindqvist", "amara.nwosu@wfp.example.org"),
        new("29:1Rk2PqLm8ZxT5vWc3YbN7hGd0JsE4uFa9KoIi6QeDr1SnBt", "Grace Achieng Otieno", "grace.otieno@unaids.example.org",
            "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Grace", "Otieno", "grace.otieno@unaids.example.org"),
        new("29:1Ty5WnQx2LkJ8cVb6ZmR3aPs9DfG0hEo7UiY4tKw1XrNqMj", "Kalani Makoa Reyes", "kalani.reyes@forestservice.gov.example",
            "3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a", "Kalani", "Reyes", "kalani.reyes@forestservice.gov.example"),
        new("29:1Ua3XoRy6MlK9dWc2ZnS8bQt5EgH1iFp0VjZ7uLx4YsOrNk", "Olumide Adeyemi-Brandt", "olumide.brandt@relieflink.example.org",
            "4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b", "Olumide", "Adeyemi-Brandt", "olumide.brandt@relieflink.example.org"),
        new("emp-00988", "Priya Raghunathan Eklund", "priya.eklund@undp.example.org",
            "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", "Priya", "Eklund", "priya.eklund@undp.example.org"),
    ];

    public string PersonalChatId { get; init; } = "a:1CopBotPersonalChatWithZeynep";

    public string GroupChatId { get; init; } = "19:cop-resilience-group@thread.v2";

    public string GroupChatName { get; init; } = "Resilience practitioners";

    /// <summary>Also the id of the implicit General channel.</summary>
    public string TeamId { get; init; } = "19:cop-general-0001@thread.tacv2";

    public string TeamName { get; init; } = "Social Protection CoP";

    public string TeamAadGroupId { get; init; } = "7e6d5c4b-0000-4000-8000-00000000c0e1";

    /// <summary>At most one extra channel besides General.</summary>
    public IReadOnlyList<(string Id, string Name)> ExtraChannels { get; init; } =
        [("19:cop-ask-the-community@thread.tacv2", "Ask the community")];
}
