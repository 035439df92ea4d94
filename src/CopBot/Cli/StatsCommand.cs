using System.CommandLine;
using CopBot.Community;
using CopBot.Features.Stats;

namespace CopBot.Cli;

/// <summary><c>stats [--days N | --from yyyy-MM-dd --to yyyy-MM-dd] [--community C]</c>: the indicators as CSV on stdout.</summary>
internal static class StatsCommand
{
    public static Command Create(Func<ServiceProvider> services, TextWriter output, TextWriter errors)
    {
        var days = new Option<int?>("--days") { Description = $"The last N days (default {StatsPeriod.DefaultDays})." };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd, UTC), with --to." };
        var to = new Option<string?>("--to") { Description = "Last day included (yyyy-MM-dd, UTC), with --from." };
        var community = new Option<string>("--community") { Description = "The community.", DefaultValueFactory = _ => ExpertProfile.DefaultCommunity };
        var command = new Command("stats", "Export the community's indicators for a period as CSV (section,name,value).") { days, from, to, community };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = services();
            var period = parse.GetValue(from) is { } first
                ? $"{first} {parse.GetValue(to)}"
                : parse.GetValue(days)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!StatsPeriod.TryParse(period, provider.GetRequiredService<TimeProvider>().GetUtcNow(), out var start, out var end, out var error))
            {
                await errors.WriteLineAsync(error);
                return 2;
            }

            await AdminCli.EnsureTablesAsync(provider, cancellationToken);
            var reader = new IndicatorReader(
                provider.GetRequiredService<IProfileStore>(),
                provider.GetRequiredService<IQueryStore>(),
                provider.GetRequiredService<IDuplicateOfferStore>(),
                provider.GetRequiredService<IKnowledgeBase>(),
                provider.GetRequiredService<IDiscussionStore>(),
                provider.GetRequiredService<IConsultationStore>(),
                provider.GetRequiredService<IWorkingGroupStore>());
            await output.WriteAsync(IndicatorCsv.Write(await reader.ReadAsync(parse.GetValue(community)!, start, end, cancellationToken)));
            return 0;
        });
        return command;
    }
}
