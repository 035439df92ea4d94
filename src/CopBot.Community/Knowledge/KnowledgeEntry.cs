namespace CopBot.Community;

/// <summary>
/// One piece of the community's kept knowledge. Its <see cref="Id"/> derives from its kind and the id of what it came
/// from (a query, a synthesis), so publishing the same source twice finds the entry instead of adding another.
/// </summary>
public sealed record KnowledgeEntry(
    string Community,
    KnowledgeKind Kind,
    string SourceId,
    string Title,
    string Text,
    IReadOnlyList<string> Topics,
    IReadOnlyList<KnowledgeContributor> Contributors,
    KnowledgeThread? Thread,
    DateTimeOffset PublishedAt)
{
    public const int MaxTitleLength = 500;
    public const int MaxTextLength = 200_000;
    public const int MaxSourceIdLength = 200;

    [System.Text.Json.Serialization.JsonIgnore]
    public string Id => IdFor(Kind, SourceId);

    public static string IdFor(KnowledgeKind kind, string sourceId) => $"{kind}:{sourceId}";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that cannot be stored or searched.</summary>
    public void Validate()
    {
        Require(Community, nameof(Community), 200);
        Require(SourceId, nameof(SourceId), MaxSourceIdLength);
        Require(Title, nameof(Title), MaxTitleLength);
        if (Text is null || Text.Length > MaxTextLength)
        {
            throw new ArgumentException($"The entry's text must be given and at most {MaxTextLength} characters.", nameof(Text));
        }

        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentException($"Unknown knowledge kind {Kind}.", nameof(Kind));
        }

        if (Topics is null || Contributors is null || Topics.Any(string.IsNullOrWhiteSpace) || Contributors.Any(c => c is null || string.IsNullOrWhiteSpace(c.Name)))
        {
            throw new ArgumentException("Topics and contributors must be lists without empty items.", Topics is null ? nameof(Topics) : nameof(Contributors));
        }
    }

    private static void Require(string value, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            throw new ArgumentException($"The entry's {name} must be non-empty and at most {max} characters.", name);
        }
    }
}

/// <summary>Someone credited in an entry: an expert who answered, a member who contributed to a synthesis.</summary>
public sealed record KnowledgeContributor(string Id, string Name);

/// <summary>
/// Where the knowledge was built: the thread's conversation bits (to post or link back) and, for Teams channel
/// threads, a deep link to open it.
/// </summary>
public sealed record KnowledgeThread(string ChannelId, string ConversationId, string ActivityId, string? TenantId, Uri? Link);
