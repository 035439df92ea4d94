using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>The tables CopBot uses, named <c>{TablePrefix}{Purpose}</c>.</summary>
public sealed class CopBotTables
{
    public CopBotTables(TableServiceClient service, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Members = service.GetTableClient(options.TablePrefix + "Members");
        Conversations = service.GetTableClient(options.TablePrefix + "Conversations");
        ProcessedActivities = service.GetTableClient(options.TablePrefix + "ProcessedActivities");
        Inbox = service.GetTableClient(options.TablePrefix + "Inbox");
        Profiles = service.GetTableClient(options.TablePrefix + "Profiles");
        ProfileHistory = service.GetTableClient(options.TablePrefix + "ProfileHistory");
        Queries = service.GetTableClient(options.TablePrefix + "Queries");
        OpenQueries = service.GetTableClient(options.TablePrefix + "OpenQueries");
        RoutingFeedback = service.GetTableClient(options.TablePrefix + "RoutingFeedback");
        Knowledge = service.GetTableClient(options.TablePrefix + "Knowledge");
        Syntheses = service.GetTableClient(options.TablePrefix + "Syntheses");
        ContributionCredits = service.GetTableClient(options.TablePrefix + "ContributionCredits");
        DuplicateOffers = service.GetTableClient(options.TablePrefix + "DuplicateOffers");
        KnowledgeGaps = service.GetTableClient(options.TablePrefix + "KnowledgeGaps");
        Discussions = service.GetTableClient(options.TablePrefix + "Discussions");
        OpenDiscussions = service.GetTableClient(options.TablePrefix + "OpenDiscussions");
        Consultations = service.GetTableClient(options.TablePrefix + "Consultations");
        OpenConsultations = service.GetTableClient(options.TablePrefix + "OpenConsultations");
        Contributions = service.GetTableClient(options.TablePrefix + "Contributions");
        RequestThreads = service.GetTableClient(options.TablePrefix + "RequestThreads");
        WorkingGroups = service.GetTableClient(options.TablePrefix + "WorkingGroups");
        OpenWorkingGroups = service.GetTableClient(options.TablePrefix + "OpenWorkingGroups");
        CommunityChannels = service.GetTableClient(options.TablePrefix + "CommunityChannels");
        Digests = service.GetTableClient(options.TablePrefix + "Digests");
        All = [Members, Conversations, ProcessedActivities, Inbox, Profiles, ProfileHistory, Queries, OpenQueries, RoutingFeedback, Knowledge, DuplicateOffers, KnowledgeGaps,
            Discussions, OpenDiscussions, Consultations, OpenConsultations, Contributions, RequestThreads, WorkingGroups, OpenWorkingGroups, Syntheses, ContributionCredits,
            CommunityChannels, Digests];
    }

    /// <summary>Members by tenant (row: user id) plus their Entra-object-id index rows.</summary>
    public TableClient Members { get; }

    /// <summary>One partition per conversation id.</summary>
    public TableClient Conversations { get; }

    /// <summary>Idempotency records: a few fixed partitions, row a hash of (channel, conversation, activity id).</summary>
    public TableClient ProcessedActivities { get; }

    /// <summary>
    /// Acknowledged activities whose turn has not ended (and those given up on), keyed like the idempotency records. Kept
    /// apart from them so this table stays as small as the turns in progress.
    /// </summary>
    public TableClient Inbox { get; }

    /// <summary>Profiles by community (row: profile id) plus their Entra-object-id and e-mail index rows.</summary>
    public TableClient Profiles { get; }

    /// <summary>Answered questions: partition (community, profile id), one row per question.</summary>
    public TableClient ProfileHistory { get; }

    /// <summary>Queries by community (row: query id), each one row holding the query and its expert assignments.</summary>
    public TableClient Queries { get; }

    /// <summary>One row per open query (partition community), so deadline checks never scan closed ones.</summary>
    public TableClient OpenQueries { get; }

    /// <summary>Routing feedback: partition community, row (expert, topic), the summed delta.</summary>
    public TableClient RoutingFeedback { get; }

    /// <summary>Knowledge-base entries: partition community, row entry id (kind:source id).</summary>
    public TableClient Knowledge { get; }

    /// <summary>Knowledge-base matches offered before routing: partition community, row the would-be query id.</summary>
    public TableClient DuplicateOffers { get; }

    /// <summary>Requests nobody had evidence for: partition community, row (topic, request id).</summary>
    public TableClient KnowledgeGaps { get; }

    /// <summary>Discussions by community (row: discussion id), one JSON row each.</summary>
    public TableClient Discussions { get; }

    /// <summary>One row per open discussion (partition community), for the deadline checker.</summary>
    public TableClient OpenDiscussions { get; }

    /// <summary>Consultations by community (row: consultation id), one JSON row each with the reviews.</summary>
    public TableClient Consultations { get; }

    /// <summary>One row per open consultation (partition community), for the deadline checker.</summary>
    public TableClient OpenConsultations { get; }

    /// <summary>Contributions to requests: partition request id, row the activity that carried it.</summary>
    public TableClient Contributions { get; }

    /// <summary>Thread → request: partition the thread's conversation id.</summary>
    public TableClient RequestThreads { get; }

    /// <summary>Working groups by community (row: group id), one JSON row each with members and tasks.</summary>
    public TableClient WorkingGroups { get; }

    /// <summary>One row per open working group (partition community), for the weekly progress check.</summary>
    public TableClient OpenWorkingGroups { get; }

    /// <summary>Syntheses by community (row: request id), each one row from draft to published.</summary>
    public TableClient Syntheses { get; }

    /// <summary>Credits for published syntheses: partition (community, contributor), row request id.</summary>
    public TableClient ContributionCredits { get; }

    /// <summary>The channel each community's digest goes to: partition community, one row.</summary>
    public TableClient CommunityChannels { get; }

    /// <summary>Digests claimed and sent: partition community, row the period's key.</summary>
    public TableClient Digests { get; }

    public IReadOnlyList<TableClient> All { get; }

    /// <summary>Creates the missing tables; safe to call at every start-up.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
