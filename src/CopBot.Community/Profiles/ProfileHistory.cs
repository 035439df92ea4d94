namespace CopBot.Community;

/// <summary>
/// How contributions made through the bot become answer history, the evidence routing reads. Each recorded item
/// carries a key naming its source (one item per request and member), so a redelivered, repeated or retried
/// contribution is recorded once. Pure: the store applies these rules inside its ETag read-modify-write.
/// </summary>
public static class ProfileHistory
{
    public static string QueryKey(string requestId) => "query:" + requestId;

    public static string DiscussionKey(string discussionId) => "discussion:" + discussionId;

    public static string ConsultationKey(string consultationId) => "consultation:" + consultationId;

    /// <summary>An expert's answer to a query: the question (twice as heavy as title, like an imported question), the answer as text.</summary>
    public static AnsweredQuestion ForAnswer(QueryRequest query, ExpertAssignment answer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(answer);
        var topics = query.Topics.Count > 0 ? query.Topics : query.Tags;
        return Item(QueryKey(query.Id), query.Question, answer.Answer, topics, answer.AnsweredAt ?? query.CreatedAt);
    }

    /// <summary>A member's contribution to a discussion: its topic, the framing question and the (first) reply as text.</summary>
    public static AnsweredQuestion ForContribution(Discussion discussion, string reply, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        return Item(DiscussionKey(discussion.Id), discussion.Topic, Joined([discussion.FramingQuestion, reply]), discussion.Tags, at);
    }

    /// <summary>A consultation review: the document's title, each question with the reviewer's answer and any thread comments as text.</summary>
    public static AnsweredQuestion ForReview(Consultation consultation, ReviewerAssignment review, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(review);
        var answered = consultation.Questions.Select((question, i) => i < review.Answers.Count && review.Answers[i] is { } answer ? question + "\n" + answer : null);
        return Item(ConsultationKey(consultation.Id), consultation.Title, Joined([.. answered, review.Comments]), consultation.Tags, review.SubmittedAt ?? at);
    }

    /// <summary>
    /// An item within the import format's limits: a single-line title of at most
    /// <see cref="ProfileLimits.MaxHistoryTitleLength"/> characters (a longer question goes whole into the text),
    /// normalised distinct tags, text cut at <see cref="ProfileLimits.MaxHistoryTextLength"/>.
    /// </summary>
    public static AnsweredQuestion Item(string key, string question, string? text, IEnumerable<string> tags, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(tags);
        var title = string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length > ProfileLimits.MaxHistoryTitleLength)
        {
            title = title[..ProfileLimits.MaxHistoryTitleLength];
            text = string.IsNullOrEmpty(text) ? question : question + "\n\n" + text;
        }

        if (text is { Length: > ProfileLimits.MaxHistoryTextLength })
        {
            text = text[..ProfileLimits.MaxHistoryTextLength];
        }

        var normalized = tags.Select(Skill.NormalizeTag)
            .Where(t => t.Length is > 0 and <= ProfileLimits.MaxTagLength)
            .Distinct(StringComparer.Ordinal)
            .Take(ProfileLimits.MaxHistoryTags)
            .ToList();
        return new AnsweredQuestion(title, string.IsNullOrEmpty(text) ? null : text, normalized, at) { Key = key };
    }

    private static string? Joined(IEnumerable<string?> parts) =>
        string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } text ? text : null;

    /// <summary>
    /// The profile with the item added, or null when an item with its key is there already (nothing to write).
    /// The history stays within <see cref="ProfileLimits.MaxHistoryItems"/> (or the longer length it already had) by
    /// dropping the oldest items: routing weighs recent answers most anyway.
    /// </summary>
    public static ExpertProfile? Record(ExpertProfile profile, AnsweredQuestion item)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Key is null)
        {
            throw new ArgumentException("Only keyed items can be recorded: the key is what makes a repeat a no-op.", nameof(item));
        }

        if (profile.History.Any(h => h.Key == item.Key))
        {
            return null;
        }

        var limit = Math.Max(ProfileLimits.MaxHistoryItems, profile.History.Count);
        return profile with { History = Capped([.. profile.History, item], limit) };
    }

    /// <summary>
    /// What a replacing write (an import, a profile edit) stores: the incoming profile plus the recorded items of the
    /// stored one it does not carry, so re-importing a file never erases what the bot learned since.
    /// </summary>
    public static ExpertProfile KeepRecorded(ExpertProfile incoming, ExpertProfile? stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var keys = incoming.History.Where(h => h.Key is not null).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        var kept = stored?.History.Where(h => h.Key is not null && !keys.Contains(h.Key)).ToList() ?? [];
        if (kept.Count == 0)
        {
            return incoming;
        }

        var limit = Math.Max(ProfileLimits.MaxHistoryItems, incoming.History.Count);
        return incoming with { History = Capped([.. incoming.History, .. kept], limit) };
    }

    /// <summary>Drops the oldest items (undated ones first, then by date; the earlier position on a tie) beyond the limit.</summary>
    public static IReadOnlyList<AnsweredQuestion> Capped(IReadOnlyList<AnsweredQuestion> history, int limit)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (history.Count <= limit)
        {
            return history;
        }

        var dropped = history.Select((item, index) => (item, index))
            .OrderBy(x => x.item.At ?? DateTimeOffset.MinValue).ThenBy(x => x.index)
            .Take(history.Count - limit)
            .Select(x => x.index)
            .ToHashSet();
        return [.. history.Where((_, index) => !dropped.Contains(index))];
    }
}
