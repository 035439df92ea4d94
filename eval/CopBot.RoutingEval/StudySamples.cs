using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>Extra per-candidate features a study adds beside <see cref="MixtureFeatures"/> (rows in candidate order).</summary>
internal delegate double[][] ExtraFeatures(CommunityState state, SeQuestion question, bool withTags, IReadOnlyList<string> candidates);

/// <summary>
/// One ranked test question as the studies see it: the product's candidate order, the features of each candidate and
/// who answered. Column: 0/1 tuning half with tags / text, 2/3 held-out half, 4/5 fixed split. Position is the
/// question's index in the dump (chronological), used to split the tuning half further.
/// </summary>
internal sealed record StudySample(string Site, int Column, int Position, double[][] Features, double[][] Extra, bool[] Relevant)
{
    /// <summary>Reciprocal rank of the first relevant candidate; ties go to the product's order (the sample's order).</summary>
    public double ReciprocalRank(double[] scores)
    {
        var best = int.MaxValue;
        for (var i = 0; i < scores.Length; i++)
        {
            if (!Relevant[i])
            {
                continue;
            }

            var rank = 0;
            for (var j = 0; j < scores.Length; j++)
            {
                rank += scores[j] > scores[i] || (scores[j] == scores[i] && j < i) ? 1 : 0;
            }

            best = Math.Min(best, rank);
        }

        return best == int.MaxValue ? 0 : 1.0 / (best + 1);
    }
}

/// <summary>
/// Runs the product's ranker over the rolling and the fixed split of one site (both inputs) and records a
/// <see cref="StudySample"/> per test question, with the features known when the question was asked.
/// </summary>
internal static class StudySamples
{
    public static List<StudySample> Collect(string folder, Func<StackExchangeDump, ExtraFeatures>? extra = null)
    {
        var site = StudySplits.SiteName(folder);
        var samples = new List<StudySample>();
        StudySplits.Run(folder, dump =>
        {
            var features = new MixtureFeatures();
            var extraOf = extra?.Invoke(dump);
            var product = Rankers.Product(new RoutingOptions());
            return (state, question, withTags, cell) =>
            {
                var ranked = product(state, question, withTags);
                samples.Add(new StudySample(
                    site, cell.Column, cell.Position, features.Of(state, question, withTags, ranked),
                    extraOf?.Invoke(state, question, withTags, ranked) ?? [], [.. ranked.Select(cell.Relevant.Contains)]));
                return ranked;
            };
        });
        Console.Error.WriteLine($"{site}: {samples.Count} samples");
        return samples;
    }
}
