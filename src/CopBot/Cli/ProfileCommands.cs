using System.CommandLine;
using CopBot.Community;

namespace CopBot.Cli;

/// <summary><c>profiles import &lt;file.jsonl&gt;</c>: idempotent bulk import of expert profiles, bad lines reported and skipped.</summary>
internal static class ProfileCommands
{
    public static Command Create(Func<ServiceProvider> services, TextWriter output, TextWriter errors)
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON Lines file, one profile per line (see README: import format)." };
        var import = new Command("import", "Create or update expert profiles from a JSON Lines file.") { file };
        import.SetAction((parse, cancellationToken) => ImportAsync(services, parse.GetValue(file)!, output, errors, cancellationToken));
        return new Command("profiles", "Manage the expert profile index.") { import };
    }

    private static async Task<int> ImportAsync(Func<ServiceProvider> createServices, FileInfo file, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await errors.WriteLineAsync($"File not found: {file.FullName}");
            return 2;
        }

        await using var services = createServices();
        await AdminCli.EnsureTablesAsync(services, cancellationToken);
        var importer = new ProfileImporter(services.GetRequiredService<IProfileStore>());
        using var reader = file.OpenText();
        var progress = new ImportProgressPrinter(errors);
        var summary = await importer.ImportAsync(reader, progress, cancellationToken);

        foreach (var error in summary.Errors)
        {
            await errors.WriteLineAsync($"line {error.LineNumber}{(error.ProfileId is null ? "" : $" ({error.ProfileId})")}: {error.Reason}");
        }

        await output.WriteLineAsync(
            $"Imported {summary.Imported} profiles from {file.Name}: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged, {summary.Errors.Count} rejected.");
        return summary.Errors.Count == 0 ? 0 : 1;
    }

    /// <summary>Progress on stderr every 500 lines, so large imports show they are moving without flooding small ones.</summary>
    private sealed class ImportProgressPrinter(TextWriter errors) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.LinesRead % 500 == 0)
            {
                errors.WriteLine($"… {value.LinesRead} lines read ({value.Created} created, {value.Updated} updated, {value.Unchanged} unchanged, {value.Rejected} rejected)");
            }
        }
    }
}
