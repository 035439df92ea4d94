using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Protocol;

namespace CopBot.Features.Query;

/// <summary>The query's side of the shared <see cref="ThreadPoster"/>: the acknowledgement card and its redraws.</summary>
public sealed class QueryThread(ThreadPoster poster)
{
    public Task<string> PostCardAsync(QueryPlace place, AdaptiveCard card, string summary, CancellationToken cancellationToken) =>
        poster.PostCardAsync(place, card, summary, cancellationToken);

    public Task MentionAsync(QueryPlace place, ChannelAccount person, string message, CancellationToken cancellationToken) =>
        poster.MentionAsync(place, person, message, cancellationToken);

    /// <summary>One message in the thread @mentioning several people (e.g. contributors the bot cannot reach 1:1).</summary>
    public Task MentionAllAsync(QueryPlace place, IReadOnlyList<ChannelAccount> people, string message, CancellationToken cancellationToken) =>
        poster.MentionAllAsync(place, people, message, cancellationToken);

    /// <summary>Redraws the acknowledgement card in place (answers so far, who was asked, status).</summary>
    public Task RefreshAckAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return poster.UpdateCardAsync(query.Place, query.AckActivityId, QueryCards.Ack(query), "Query status", cancellationToken);
    }
}
