using CopBot.Community;

namespace CopBot.RoutingBench;

/// <summary>
/// Deterministic synthetic expert profiles. Skew follows real Q&amp;A communities: tag popularity is Zipf, 2–8 skills
/// per person mostly within one area, answer counts heavy-tailed (90 % of people hold 0–3 answers, the top 10 % a
/// Pareto tail capped at the import limit of 100, which gives them over half of all answers), answers spread over three
/// years with the busiest people active throughout. Seeds are mixed arithmetically (HashCode.Combine differs per process).
/// </summary>
internal sealed class ProfileGenerator(TopicModel topics, int seed)
{
    public const string Community = "bench";

    /// <summary>History timestamps fall in [Start, End); queries are routed at <see cref="End"/>.</summary>
    public static readonly DateTimeOffset Start = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset End = Start.AddYears(3);

    private static readonly double[] LowCounts = [0.40, 0.30, 0.18, 0.12]; // 0, 1, 2, 3 answers
    private readonly Zipf _organizations = new(Words.Organizations.Length, 0.9);

    /// <summary>Ids are zero-padded so that the store's key order equals generation order.</summary>
    public static string IdOf(int index) => $"bench-{index:D6}";

    public List<ExpertProfile> Generate(int count)
    {
        var random = new Random(unchecked((seed * 1_000_003) + count));
        var profiles = new List<ExpertProfile>(count);
        for (var i = 0; i < count; i++)
        {
            profiles.Add(Profile(random, i));
        }

        return profiles;
    }

    private ExpertProfile Profile(Random random, int index)
    {
        var first = Words.FirstNames[random.Next(Words.FirstNames.Length)];
        var last = Words.LastNames[random.Next(Words.LastNames.Length)];
        var organization = Words.Organizations[_organizations.Next(random)];
        var home = topics.Popular(random);
        var skills = Skills(random, home);
        var guid = new byte[16];
        random.NextBytes(guid);
        return new ExpertProfile(
            Community,
            IdOf(index),
            $"{first} {last}",
            skills,
            random.Next(10) == 0 ? [CommunityRole.Expert] : [CommunityRole.Member],
            MaxOpenRequests: random.Next(20) == 0 ? 0 : ExpertProfile.DefaultMaxOpenRequests)
        {
            AadObjectId = new Guid(guid).ToString(),
            Email = $"{Ascii(first)}.{Ascii(last)}{index}@contoso.example",
            Organization = organization,
            Location = Words.Locations[random.Next(Words.Locations.Length)],
            Languages = random.Next(3) == 0 ? ["en", Words.Languages[random.Next(Words.Languages.Length)]] : ["en"],
            Bio = random.Next(4) == 0 ? $"Works on {home.Tag.Replace('-', ' ')} in {organization}." : null,
            History = History(random, skills, home),
        };
    }

    private List<Skill> Skills(Random random, Topic home)
    {
        var count = random.Next(2, 9);
        var tags = new HashSet<string>(StringComparer.Ordinal) { home.Tag };
        for (var attempt = 0; tags.Count < count && attempt < 30; attempt++)
        {
            tags.Add((random.Next(10) < 7 ? topics.Related(random, home) : topics.Popular(random)).Tag);
        }

        // Self-assessed levels cluster around 2–3; the home topic is rated higher.
        return [.. tags.Select((tag, i) => new Skill(tag, Math.Clamp(random.Next(1, 5) + (i == 0 ? 1 : 0), Skill.MinLevel, Skill.MaxLevel)))];
    }

    private List<AnsweredQuestion> History(Random random, List<Skill> skills, Topic home)
    {
        var count = AnswerCount(random);
        var history = new List<AnsweredQuestion>(count);
        // Occasional answerers show up for a while; heavy answerers are around for most of the three years.
        var span = (End - Start).TotalSeconds;
        var from = count > 3 ? random.NextDouble() * span * 0.3 : random.NextDouble() * span;
        for (var i = 0; i < count; i++)
        {
            var topic = random.Next(4) < 3 ? topics.ByTag[skills[random.Next(skills.Count)].Tag] : topics.Popular(random);
            var other = random.Next(10) < 3 ? topics.Related(random, topic) : null;
            if (other == topic)
            {
                other = null;
            }

            var at = Start.AddSeconds(from + (random.NextDouble() * (span - from)));
            history.Add(new AnsweredQuestion(
                TopicModel.Title(random, topic, other),
                TopicModel.Body(random, topic, other, random.Next(15, 45)),
                other is null ? [topic.Tag] : [topic.Tag, other.Tag],
                at));
        }

        return [.. history.OrderByDescending(q => q.At)];
    }

    private static int AnswerCount(Random random)
    {
        if (random.Next(10) > 0)
        {
            var u = random.NextDouble();
            for (var n = 0; n < LowCounts.Length; n++)
            {
                if ((u -= LowCounts[n]) < 0)
                {
                    return n;
                }
            }

            return LowCounts.Length - 1;
        }

        // Pareto tail (x_min 4, alpha 1.2), capped at the import format's 100 items.
        var pareto = 4 / Math.Pow(1 - random.NextDouble(), 1 / 1.2);
        return (int)Math.Min(ProfileLimits.MaxHistoryItems, Math.Floor(pareto));
    }

    private static string Ascii(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
}
