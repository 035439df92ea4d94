using System.Globalization;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Synthesis;

/// <summary>
/// Publish / Discard on the draft card, and the pages of the published reply. Publishing records the edited reply
/// first, then runs each step once (post in the thread, close the request, credit, keep in the knowledge base, notify),
/// marking each done: a repeated click or a retry after a failure resumes, it never posts or credits twice.
/// </summary>
public sealed class SynthesisPublisher(
    IEnumerable<ISynthesisSource> sources,
    ISynthesisStore store,
    IContributionCreditStore credits,
    IKnowledgeBase knowledge,
    Facilitators facilitators,
    FacilitatorChat chat,
    QueryThread thread,
    IOptions<QueryOptions> options,
    TimeProvider clock,
    ILogger<SynthesisPublisher> logger)
{
    public const string Unknown = "I cannot find this synthesis any more.";
    public const string Stale = "A newer draft of this reply was sent to you; publish from the latest card.";

    public async Task<CardActionResult> PublishAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var (record, refusal) = await LoadForFacilitatorAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.Status == SynthesisStatus.Draft)
        {
            if (Version(action) != record.Version)
            {
                return CardActionResult.Refuse(StatusCodes.Status409Conflict, Stale);
            }

            var (reply, problem) = SynthesisEdits.Read(
                action.GetString(SynthesisCardKeys.Synopsis), action.GetString(SynthesisCardKeys.KeyPoints), action.GetString(SynthesisCardKeys.NextSteps), record.Draft);
            if (reply is null)
            {
                return CardActionResult.Refuse(StatusCodes.Status400BadRequest, problem!);
            }

            var now = clock.GetUtcNow();
            var version = record.Version;
            record = await store.UpdateAsync(record.Community, record.RequestId, r =>
                r.Status == SynthesisStatus.Draft && r.Version == version ? r with { Status = SynthesisStatus.Publishing, Reply = reply, PublishedAt = now } : null,
                cancellationToken) ?? record;
            if (record.Status == SynthesisStatus.Draft)
            {
                return CardActionResult.Refuse(StatusCodes.Status409Conflict, Stale);
            }
        }

        if (record.Status == SynthesisStatus.Discarded)
        {
            return CardActionResult.Refuse(StatusCodes.Status409Conflict, "This draft was discarded. Type synthesize in the thread for a new one.");
        }

        record = await CompleteAsync(record, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build(
            "Consolidated reply published",
            $"It is in the request's thread; {record.Reply!.Contributors.Count} contributors were credited and told.",
            NoticeKind.Info));
    }

    public async Task<CardActionResult> DiscardAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (record, refusal) = await LoadForFacilitatorAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var version = Version(action);
        var stored = await store.UpdateAsync(record!.Community, record.RequestId, r =>
            r.Status == SynthesisStatus.Draft && r.Version == version ? r with { Status = SynthesisStatus.Discarded } : null, cancellationToken) ?? record;
        return stored.Status switch
        {
            SynthesisStatus.Discarded => CardActionResult.Replace(NoticeCard.Build("Draft discarded", "Nothing was published. Type synthesize in the thread for a new draft.", NoticeKind.Info)),
            SynthesisStatus.Draft => CardActionResult.Refuse(StatusCodes.Status409Conflict, Stale),
            _ => CardActionResult.Refuse(StatusCodes.Status409Conflict, "This reply is already published; it cannot be discarded."),
        };
    }

    /// <summary>Show more / Next / Previous / Summary on the published reply: anyone in the thread may page.</summary>
    public async Task<CardActionResult> PageAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var record = action.GetString(SynthesisCardKeys.RequestId) is { Length: > 0 and <= 100 } id
            ? await store.GetAsync(options.Value.Community, id, cancellationToken)
            : null;
        if (record is not { Reply: not null, Status: SynthesisStatus.Publishing or SynthesisStatus.Published })
        {
            return CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown);
        }

        var page = int.TryParse(action.GetString(SynthesisCardKeys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return CardActionResult.Replace(ConsolidatedReplyCard.Page(SynthesisCards.Reply(record), page));
    }

    /// <summary>Runs the publishing steps not done yet, recording each; used by Publish and safe to repeat.</summary>
    public async Task<SynthesisRecord> CompleteAsync(SynthesisRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.ReplyActivityId is null)
        {
            var posted = await thread.PostCardAsync(record.Place, ConsolidatedReplyCard.Summary(SynthesisCards.Reply(record)), "Consolidated reply", cancellationToken);
            record = await MarkAsync(record, r => r with { ReplyActivityId = posted }, cancellationToken);
        }

        var subject = await SynthesisFlow.FindAsync(sources, record.Community, record.RequestId, cancellationToken);
        if (!record.RequestClosed)
        {
            foreach (var source in sources)
            {
                await source.CloseAsync(record.Community, record.RequestId, cancellationToken);
            }

            record = await MarkAsync(record, r => r with { RequestClosed = true }, cancellationToken);
        }

        var reply = record.Reply!;
        if (!record.ContributorsCredited)
        {
            foreach (var contributor in reply.Contributors)
            {
                await credits.AddAsync(new ContributionCredit(record.Community, contributor.Id, record.RequestId, Title(record), contributor.Contributions, record.PublishedAt ?? clock.GetUtcNow()), cancellationToken);
            }

            record = await MarkAsync(record, r => r with { ContributorsCredited = true }, cancellationToken);
        }

        if (!record.KnowledgeAdded)
        {
            await knowledge.AddAsync(KnowledgeEntryOf(record, subject?.Topics ?? []), cancellationToken);
            record = await MarkAsync(record, r => r with { KnowledgeAdded = true }, cancellationToken);
        }

        if (!record.ContributorsNotified)
        {
            await NotifyAsync(record, cancellationToken);
            record = await MarkAsync(record, r => r with { ContributorsNotified = true }, cancellationToken);
        }

        record = await MarkAsync(record, r => r with { Status = SynthesisStatus.Published }, cancellationToken);
        SynthesisLog.Published(logger, record.RequestId, record.FacilitatorId, reply.Contributors.Count);
        return record;
    }

    private async Task NotifyAsync(SynthesisRecord record, CancellationToken cancellationToken)
    {
        var text = $"Thank you: your contribution to \"{Shorten(record.Draft.RequestText)}\" is credited in the consolidated reply {record.FacilitatorName} just published in its thread.";
        var unreachable = new List<ChannelAccount>();
        foreach (var contributor in record.Reply!.Contributors)
        {
            if (!await chat.SendTextAsync(record.Place, contributor.Id, text, cancellationToken))
            {
                unreachable.Add(new ChannelAccount { Id = contributor.Id, Name = contributor.Name });
            }
        }

        // Members who never installed the bot are thanked in the thread instead, a few mentions per message.
        foreach (var group in unreachable.Chunk(20))
        {
            await thread.MentionAllAsync(record.Place, group, "thank you, your contributions are credited in the consolidated reply above.", cancellationToken);
        }
    }

    private KnowledgeEntry KnowledgeEntryOf(SynthesisRecord record, IReadOnlyList<string> topics)
    {
        var place = record.Place;
        return new KnowledgeEntry(
            record.Community,
            KnowledgeKind.Synthesis,
            record.RequestId,
            Title(record),
            record.Reply!.ToPlainText(),
            topics,
            [.. record.Reply.Contributors.Select(c => new KnowledgeContributor(c.Id, c.Name))],
            new KnowledgeThread(place.ChannelId, place.ConversationId, place.QuestionActivityId, place.TenantId, ThreadLinks.For(place)),
            record.PublishedAt ?? clock.GetUtcNow());
    }

    private async Task<SynthesisRecord> MarkAsync(SynthesisRecord record, Func<SynthesisRecord, SynthesisRecord> change, CancellationToken cancellationToken) =>
        await store.UpdateAsync(record.Community, record.RequestId, change, cancellationToken) ?? change(record);

    private async Task<(SynthesisRecord? Record, CardActionResult? Refusal)> LoadForFacilitatorAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var community = options.Value.Community;
        if (await facilitators.FindAsync(community, turn.Activity.From!, cancellationToken) is null)
        {
            return (null, CardActionResult.Refuse(StatusCodes.Status403Forbidden, Facilitators.Refusal));
        }

        var record = action.GetString(SynthesisCardKeys.RequestId) is { Length: > 0 and <= 100 } id ? await store.GetAsync(community, id, cancellationToken) : null;
        return record is null ? (null, CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown)) : (record, null);
    }

    private static int Version(CardActionRequest action) =>
        int.TryParse(action.GetString(SynthesisCardKeys.Version), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    private static string Title(SynthesisRecord record) =>
        record.Draft.RequestText.Length <= KnowledgeEntry.MaxTitleLength ? record.Draft.RequestText : record.Draft.RequestText[..KnowledgeEntry.MaxTitleLength];

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
