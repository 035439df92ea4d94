using System.Text.Json;
using System.Text.Json.Nodes;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// Writes .m365agentsplayground.yml for a <see cref="PlaygroundTenant"/>, after checking it against the
/// playground 0.2.28 schema as docs/agents-playground.md §2 records it. JSON is valid YAML, so the file is JSON.
/// </summary>
public static class PlaygroundConfigFile
{
    public const string FileName = ".m365agentsplayground.yml";
    public const string SchemaVersion = "0.1.1";
    public const int RequiredUserCount = 5;
    public const int MaxBotNameLength = 42;
    public const int MaxExtraChannels = 1;

    /// <summary>Writes the config into <paramref name="directory"/>; throws, writing nothing, when the schema would reject it.</summary>
    public static string Write(PlaygroundTenant tenant, string directory)
    {
        var problems = Validate(tenant);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The playground would reject this config: " + string.Join("; ", problems));
        }

        var path = Path.Combine(directory, FileName);
        File.WriteAllText(path, ToJson(tenant).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>Every rule of the schema (required, non-empty, sizes) and its business rules (unique ids).</summary>
    public static IReadOnlyList<string> Validate(PlaygroundTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var problems = new List<string>();
        void Require(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{path} is required");
            }
        }

        Require(tenant.TenantId, "tenantId");
        Require(tenant.BotId, "bot.id");
        Require(tenant.BotName, "bot.name");
        if (tenant.BotName?.Length > MaxBotNameLength)
        {
            problems.Add($"bot.name is longer than {MaxBotNameLength}");
        }

        var people = new[] { tenant.CurrentUser }.Concat(tenant.Users).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            var user = people[i];
            var path = i == 0 ? "currentUser" : $"users[{i - 1}]";
            Require(user.Id, path + ".id");
            Require(user.Name, path + ".name");
            Require(user.UserPrincipleName, path + ".userPrincipleName");
            Require(user.AadObjectId, path + ".aadObjectId");
            Require(user.GivenName, path + ".givenName");
            Require(user.Surname, path + ".surname");
            Require(user.Email, path + ".email");
        }

        if (tenant.Users.Count != RequiredUserCount)
        {
            problems.Add($"users must have exactly {RequiredUserCount} entries, not {tenant.Users.Count}");
        }

        Require(tenant.PersonalChatId, "personalChat.id");
        Require(tenant.GroupChatId, "groupChat.id");
        Require(tenant.GroupChatName, "groupChat.name");
        Require(tenant.TeamId, "team.id");
        Require(tenant.TeamName, "team.name");
        Require(tenant.TeamAadGroupId, "team.aadGroupId");
        if (tenant.ExtraChannels.Count > MaxExtraChannels)
        {
            problems.Add($"team.channels has more than {MaxExtraChannels} entry");
        }

        foreach (var (channel, i) in tenant.ExtraChannels.Select((c, i) => (c, i)))
        {
            Require(channel.Id, $"team.channels[{i}].id");
            Require(channel.Name, $"team.channels[{i}].name");
        }

        AddDuplicates(problems, "user ids", people.Select(p => p.Id));
        AddDuplicates(problems, "conversation ids",
            new[] { tenant.PersonalChatId, tenant.GroupChatId, tenant.TeamId }.Concat(tenant.ExtraChannels.Select(c => c.Id)));
        return problems;
    }

    private static void AddDuplicates(List<string> problems, string what, IEnumerable<string> ids)
    {
        foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{what} must be unique: '{duplicate.Key}' appears {duplicate.Count()} times");
        }
    }

    private static JsonObject ToJson(PlaygroundTenant tenant) => new()
    {
        ["version"] = SchemaVersion,
        ["tenantId"] = tenant.TenantId,
        ["bot"] = new JsonObject { ["id"] = tenant.BotId, ["name"] = tenant.BotName },
        ["currentUser"] = ToJson(tenant.CurrentUser),
        ["users"] = new JsonArray([.. tenant.Users.Select(u => (JsonNode)ToJson(u))]),
        ["personalChat"] = new JsonObject { ["id"] = tenant.PersonalChatId },
        ["groupChat"] = new JsonObject { ["id"] = tenant.GroupChatId, ["name"] = tenant.GroupChatName },
        ["team"] = new JsonObject
        {
            ["id"] = tenant.TeamId,
            ["name"] = tenant.TeamName,
            ["aadGroupId"] = tenant.TeamAadGroupId,
            ["channels"] = new JsonArray([.. tenant.ExtraChannels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]),
        },
    };

    private static JsonObject ToJson(PlaygroundUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["userPrincipleName"] = user.UserPrincipleName,
        ["aadObjectId"] = user.AadObjectId,
        ["givenName"] = user.GivenName,
        ["surname"] = user.Surname,
        ["email"] = user.Email,
    };
}
