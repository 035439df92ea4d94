using System.Text;
using CopBot.Community;
using CopBot.Features.Query;

namespace CopBot.Features.Knowledge;

/// <summary>
/// Keeps a query closed as answered in the knowledge base: the question, each answer with its author, the experts
/// credited. The entry's id derives from the query's, so closing again (a retried click) adds nothing.
/// </summary>
public sealed class AnsweredQueryPublisher(IKnowledgeBase knowledge, TimeProvider clock)
{
    public async Task<KnowledgeEntry?> PublishAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var answers = query.Answered.Where(e => !string.IsNullOrWhiteSpace(e.Answer)).ToList();
        if (query.Status != QueryStatus.Closed || answers.Count == 0)
        {
            // Nothing to keep: a question closed without answers (or answered from the knowledge base) adds no knowledge.
            return null;
        }

        var text = new StringBuilder();
        foreach (var expert in answers)
        {
            text.Append(expert.Name).Append(": ").AppendLine(expert.Answer!.Trim());
        }

        var place = query.Place;
        var entry = new KnowledgeEntry(
            query.Community,
            KnowledgeKind.AnsweredQuery,
            query.Id,
            query.Question.Length > KnowledgeEntry.MaxTitleLength ? query.Question[..KnowledgeEntry.MaxTitleLength] : query.Question,
            // The full question goes in the text too: a long question's later sentences stay searchable.
            query.Question.Length > KnowledgeEntry.MaxTitleLength ? query.Question + "\n" + text : text.ToString().TrimEnd(),
            query.Topics.Count > 0 ? query.Topics : query.Tags,
            [.. answers.Select(e => new KnowledgeContributor(e.ExpertId, e.Name))],
            new KnowledgeThread(place.ChannelId, place.ConversationId, place.QuestionActivityId, place.TenantId, QueryCards.ThreadLink(place)),
            clock.GetUtcNow());
        var (stored, _) = await knowledge.AddAsync(entry, cancellationToken);
        return stored;
    }
}
