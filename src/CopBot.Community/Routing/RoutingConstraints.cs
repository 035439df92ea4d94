namespace CopBot.Community;

/// <summary>Rules applied around scoring: who may be asked at all, and organisational diversity of the short list.</summary>
internal static class RoutingConstraints
{
    public static bool IsEligible(IndexedExpert expert, string? askerId, RoutingContext context, RoutingOptions options)
    {
        var id = expert.Profile.Id;
        // Teams activities carry the asker's 29: id and Entra object id; either may be the profile's key.
        if (string.Equals(id, askerId, StringComparison.Ordinal)
            || (askerId is not null && string.Equals(expert.Profile.AadObjectId, askerId, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Out of office: the profile's own date, or one the caller knows from elsewhere.
        if (expert.Profile.IsBusyAt(context.Now) || (context.BusyUntil.TryGetValue(id, out var busyUntil) && busyUntil > context.Now))
        {
            return false;
        }

        // maxOpenRequests 0 means "do not route to me".
        if (context.OpenRequests.GetValueOrDefault(id) >= expert.Profile.MaxOpenRequests)
        {
            return false;
        }

        return options.FairnessCap is not { } cap || context.RecentRequests.GetValueOrDefault(id) < cap;
    }

    /// <summary>
    /// Fills <paramref name="top"/> slots best-first, but when a candidate from an organisation not yet listed scores
    /// within <paramref name="margin"/> (relative) of the best remaining one, it takes the slot instead.
    /// </summary>
    public static IReadOnlyList<CandidateScore> Diversify(ExpertIndex index, List<CandidateScore> ordered, int top, double margin)
    {
        string? Org(CandidateScore c) => index.Experts[c.Expert].OrganizationKey;
        if (margin <= 0 || ordered.All(c => Org(c) is null))
        {
            return [.. ordered.Take(top)];
        }

        var remaining = new List<CandidateScore>(ordered);
        var chosen = new List<CandidateScore>();
        var organisations = new HashSet<string>(StringComparer.Ordinal);
        while (chosen.Count < top && remaining.Count > 0)
        {
            var best = remaining[0];
            var pick = best;
            if (Org(best) is { } org && organisations.Contains(org))
            {
                var floor = best.Score - (Math.Abs(best.Score) * margin);
                pick = remaining.TakeWhile(c => c.Score >= floor)
                    .FirstOrDefault(c => Org(c) is not { } other || !organisations.Contains(other)) ?? best;
            }

            remaining.Remove(pick);
            chosen.Add(pick);
            if (Org(pick) is { } picked)
            {
                organisations.Add(picked);
            }
        }

        return chosen;
    }
}
