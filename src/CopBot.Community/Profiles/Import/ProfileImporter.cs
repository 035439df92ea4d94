namespace CopBot.Community;

/// <summary>
/// Imports profiles from JSON Lines. Bad lines are reported with their line number and skipped; good lines are
/// imported anyway. Upserts make the import idempotent: running it again updates, never duplicates.
/// </summary>
/// <remarks>
/// Storage failures are not line errors: they stop the import and propagate, and since the import is idempotent
/// the remedy is simply to run it again.
/// </remarks>
public sealed class ProfileImporter(IProfileStore store)
{
    // A profile is a few kilobytes; a far longer line is a broken file, not a profile.
    public const int MaxLineLength = 256 * 1024;

    public async Task<ImportSummary> ImportAsync(
        TextReader reader, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var counts = new Counts();
        var errors = new List<ImportError>();
        var firstLineOf = new Dictionary<(string Community, string Id), int>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var error = await ImportLineAsync(line, lineNumber, firstLineOf, counts, cancellationToken);
            if (error is not null)
            {
                errors.Add(error);
            }

            progress?.Report(new ImportProgress(lineNumber, counts.Created, counts.Updated, counts.Unchanged, errors.Count));
        }

        return new ImportSummary(counts.Created, counts.Updated, counts.Unchanged, errors);
    }

    private async Task<ImportError?> ImportLineAsync(
        string line,
        int lineNumber,
        Dictionary<(string Community, string Id), int> firstLineOf,
        Counts counts,
        CancellationToken cancellationToken)
    {
        if (line.Length > MaxLineLength)
        {
            return new ImportError(lineNumber, null, $"the line is longer than {MaxLineLength} characters");
        }

        var parsed = ProfileLineParser.Parse(lineNumber == 1 ? line.TrimStart('\uFEFF') : line);
        if (parsed.Profile is not { } profile)
        {
            return new ImportError(lineNumber, parsed.ProfileId, parsed.Error ?? "invalid profile");
        }

        // A second line for the same profile would silently overwrite the first: the file is ambiguous.
        if (!firstLineOf.TryAdd((profile.Community, profile.Id), lineNumber))
        {
            var first = firstLineOf[(profile.Community, profile.Id)];
            return new ImportError(lineNumber, profile.Id, $"duplicate id in community '{profile.Community}' (first on line {first})");
        }

        try
        {
            counts.Add(await store.UpsertAsync(profile, cancellationToken));
            return null;
        }
        catch (ArgumentException e)
        {
            // The store refuses values it cannot hold (e.g. an id too long once encoded as a key): a line error.
            return new ImportError(lineNumber, profile.Id, e.Message);
        }
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
