using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Protocol;

namespace CopBot.Features.Query;

/// <summary>The query's side of the shared <see cref="ThreadPoster"/>: the acknowledgement card and its redraws.</summary>
public sealed class QueryThread(ThreadPoster poster, ThreadCardUpdates cards)
{
    public Task<string> PostCardAsync(QueryPlace place, AdaptiveCard card, string summary, CancellationToken cancellationToken) =>
        poster.PostCardAsync(place, card, summary, cancellationToken);

    public Task MentionAsync(QueryPlace place, ChannelAccount person, string message, CancellationToken cancellationToken) =>
        poster.MentionAsync(place, person, message, cancellationToken);

    /// <summary>One message in the thread @mentioning several people (e.g. contributors the bot cannot reach 1:1).</summary>
    public Task MentionAllAsync(QueryPlace place, IReadOnlyList<ChannelAccount> people, string message, CancellationToken cancellationToken) =>
        poster.MentionAllAsync(place, people, message, cancellationToken);

    public const string Modality = "query";

    /// <summary>Has the acknowledgement card redrawn in place (answers so far, who was asked, status), through the outbox.</summary>
    public Task RefreshAckAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return cards.RedrawAsync(Modality, query.Community, query.Id, query, cancellationToken);
    }
}
