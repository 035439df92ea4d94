using Azure.Data.Tables;
using CopBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Storage.IntegrationTests.Infrastructure;

/// <summary>Fresh tables (unique prefix) on the shared Azurite for one test; deleted afterwards.</summary>
internal sealed class TestStorage : IAsyncLifetime
{
    public TestStorage(AzuriteFixture azurite)
    {
        Options = new TableStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            TablePrefix = "T" + Guid.NewGuid().ToString("N")[..12],
        };
        Tables = new CopBotTables(new TableServiceClient(azurite.ConnectionString), Options);
    }

    public TableStorageOptions Options { get; }

    public CopBotTables Tables { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    public RecordingLogger Logger { get; } = new();

    public TableContactStore Contacts() => new(Tables, Logger.For<TableContactStore>());

    public TableProcessedActivityStore ProcessedActivities() => new(Tables, Time);

    public TableProfileStore Profiles() => new(Tables, Logger.For<TableProfileStore>(), Time);

    public TableCommunityChannelStore CommunityChannels() => new(Tables);

    public TableDigestLog Digests() => new(Tables);

    public TableQueryStore Queries() => new(Tables, Logger.For<TableQueryStore>());

    public TableRoutingFeedbackStore Feedback() => new(Tables, Logger.For<TableRoutingFeedbackStore>());

    /// <summary>A knowledge base with its own search index, like one bot instance.</summary>
    public TableKnowledgeBase Knowledge() => new(Tables, new CopBot.Community.KnowledgeIndexSet());

    public TableDuplicateOfferStore DuplicateOffers() => new(Tables, Logger.For<TableDuplicateOfferStore>());

    public TableKnowledgeGapStore KnowledgeGaps() => new(Tables);

    public TableDiscussionStore Discussions() => new(Tables, Logger.For<TableDiscussionStore>());

    public TableConsultationStore Consultations() => new(Tables, Logger.For<TableConsultationStore>());

    public TableWorkingGroupStore WorkingGroups() => new(Tables, Logger.For<TableWorkingGroupStore>());

    public TableContributionStore Contributions() => new(Tables);

    public TableRequestThreadIndex Threads() => new(Tables);

    public TableSynthesisStore Syntheses() => new(Tables, Logger.For<TableSynthesisStore>());

    public TableContributionCreditStore Credits() => new(Tables);

    public Task InitializeAsync() => Tables.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var table in Tables.All)
        {
            await table.DeleteAsync();
        }
    }

    /// <summary>Every row of a table as stored, to check what really reached the keys.</summary>
    public static async Task<List<TableEntity>> RawRowsAsync(TableClient table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>Counts log entries by event id (e.g. the concurrency retries), shared by every logger it hands out.</summary>
internal sealed class RecordingLogger
{
    private readonly List<EventId> _events = [];

    public int Count(int eventId)
    {
        lock (_events)
        {
            return _events.Count(e => e.Id == eventId);
        }
    }

    public ILogger<T> For<T>() => new Logger<T>(this);

    private sealed class Logger<T>(RecordingLogger owner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._events)
            {
                owner._events.Add(eventId);
            }
        }
    }
}
