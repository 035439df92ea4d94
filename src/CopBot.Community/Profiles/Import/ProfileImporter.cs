namespace CopBot.Community;

/// <summary>
/// Imports profiles from JSON Lines. Bad lines are reported with their line number and skipped; good lines are
/// imported anyway. Upserts make the import idempotent: running it again updates, never duplicates.
/// </summary>
/// <remarks>
/// Storage failures are not line errors: they stop the import and propagate, and since the import is idempotent
/// the remedy is simply to run it again. Valid profiles are written <paramref name="batchSize"/> at a time through
/// <see cref="IProfileStore.UpsertManyAsync"/>; progress is reported after each batch and each bad line.
/// </remarks>
public sealed class ProfileImporter(IProfileStore store, int batchSize = ProfileImporter.DefaultBatchSize)
{
    // A profile is a few kilobytes; a far longer line is a broken file, not a profile.
    public const int MaxLineLength = 256 * 1024;

    public const int DefaultBatchSize = 100;

    private readonly int _batchSize = batchSize > 0 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    public async Task<ImportSummary> ImportAsync(
        TextReader reader, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new Counts();
        var errors = new List<ImportError>();
        var firstLineOf = new Dictionary<(string Community, string Id), int>();
        var pending = new List<(int Line, ExpertProfile Profile)>();
        var lineNumber = 0;
        void Report() => progress?.Report(new ImportProgress(lineNumber, counts.Created, counts.Updated, counts.Unchanged, errors.Count));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (profile, error) = ParseLine(line, lineNumber, firstLineOf);
            if (error is not null)
            {
                errors.Add(error);
                Report();
            }
            else
            {
                pending.Add((lineNumber, profile!));
            }

            if (pending.Count >= _batchSize)
            {
                await WriteAsync(pending, counts, errors, cancellationToken);
                Report();
            }
        }

        if (pending.Count > 0)
        {
            await WriteAsync(pending, counts, errors, cancellationToken);
            Report();
        }

        return new ImportSummary(counts.Created, counts.Updated, counts.Unchanged, [.. errors.OrderBy(e => e.LineNumber)]);
    }

    private async Task WriteAsync(List<(int Line, ExpertProfile Profile)> pending, Counts counts, List<ImportError> errors, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var outcome in await store.UpsertManyAsync([.. pending.Select(p => p.Profile)], cancellationToken))
            {
                counts.Add(outcome);
            }
        }
        catch (ArgumentException) when (pending.Count > 1)
        {
            // Some profile holds a value the store refuses (checked before anything is written): find it line by line.
            foreach (var (line, profile) in pending)
            {
                try
                {
                    counts.Add(await store.UpsertAsync(profile, cancellationToken));
                }
                catch (ArgumentException e)
                {
                    errors.Add(new ImportError(line, profile.Id, e.Message));
                }
            }
        }
        catch (ArgumentException e)
        {
            errors.Add(new ImportError(pending[0].Line, pending[0].Profile.Id, e.Message));
        }

        pending.Clear();
    }

    private static (ExpertProfile? Profile, ImportError? Error) ParseLine(
        string line, int lineNumber, Dictionary<(string Community, string Id), int> firstLineOf)
    {
        if (line.Length > MaxLineLength)
        {
            return (null, new ImportError(lineNumber, null, $"the line is longer than {MaxLineLength} characters"));
        }

        var parsed = ProfileLineParser.Parse(lineNumber == 1 ? line.TrimStart('\uFEFF') : line);
        if (parsed.Profile is not { } profile)
        {
            return (null, new ImportError(lineNumber, parsed.ProfileId, parsed.Error ?? "invalid profile"));
        }

        // A second line for the same profile would silently overwrite the first: the file is ambiguous.
        if (!firstLineOf.TryAdd((profile.Community, profile.Id), lineNumber))
        {
            var first = firstLineOf[(profile.Community, profile.Id)];
            return (null, new ImportError(lineNumber, profile.Id, $"duplicate id in community '{profile.Community}' (first on line {first})"));
        }

        return (profile, null);
    }

    private sealed class Counts
    {
        public int Created { get; private set; }

        public int Updated { get; private set; }

        public int Unchanged { get; private set; }

        public void Add(UpsertOutcome outcome)
        {
            switch (outcome)
            {
                case UpsertOutcome.Created: Created++; break;
                case UpsertOutcome.Updated: Updated++; break;
                default: Unchanged++; break;
            }
        }
    }
}
