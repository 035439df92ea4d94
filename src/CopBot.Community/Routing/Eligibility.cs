namespace CopBot.Community;

/// <summary>
/// Who may be asked for one request, as an array read per expert. Without a mention in the request or its context an
/// expert is eligible unless they never take requests; so only the experts named by the asker id and by the context's
/// busy, open-request and recent-request entries, and those whose profile has a busy-until date, are decided by
/// <see cref="RoutingConstraints.IsEligible"/>, the one rule. A context dictionary that does not compare ids ordinally could name an expert under another spelling: then
/// every expert is decided by the rule, on first use. Per-thread arrays; only decided positions are cleared.
/// </summary>
internal sealed class Eligibility : IDisposable
{
    private const byte Undecided = 0;
    private const byte Eligible = 1;
    private const byte Ineligible = 2;

    [ThreadStatic]
    private static Eligibility? s_free;

    private readonly List<int> _decided = [];
    private readonly List<string> _named = [];
    private readonly List<int> _owners = [];
    private byte[] _states = [];
    private ExpertIndex? _index;
    private EligibilityIndex? _snapshot;
    private RoutingQuery? _query;
    private RoutingContext? _context;
    private RoutingOptions? _options;
    private bool _ruleForEveryone;

    public static Eligibility Rent(ExpertIndex index, RoutingQuery query, RoutingContext context, RoutingOptions options)
    {
        var eligibility = s_free ?? new Eligibility();
        s_free = null;
        if (eligibility._states.Length < index.Count)
        {
            eligibility._states = new byte[index.Count];
        }

        eligibility.Start(index, query, context, options);
        return eligibility;
    }

    public bool IsEligible(int expert)
    {
        var state = _states[expert];
        if (state != Undecided)
        {
            return state == Eligible;
        }

        return _ruleForEveryone ? Decide(expert) : !_snapshot!.NeverRoutes(expert);
    }

    public void Dispose()
    {
        foreach (var expert in _decided)
        {
            _states[expert] = Undecided;
        }

        _decided.Clear();
        _named.Clear();
        _owners.Clear();
        (_index, _snapshot, _query, _context, _options) = (null, null, null, null, null);
        s_free = this;
    }

    private void Start(ExpertIndex index, RoutingQuery query, RoutingContext context, RoutingOptions options)
    {
        (_index, _snapshot, _query, _context, _options) = (index, index.Eligibility, query, context, options);
        // A cap of 0 or less refuses everyone, including experts the context does not mention.
        _ruleForEveryone = options.FairnessCap is <= 0
            || !KeysAreOrdinal(context.BusyUntil) || !KeysAreOrdinal(context.OpenRequests) || !KeysAreOrdinal(context.RecentRequests);
        if (_ruleForEveryone)
        {
            return;
        }

        if (query.AskerId is { } asker)
        {
            _named.Add(asker);
            _snapshot.AddPossibleOwners(asker, _owners);
            foreach (var expert in _owners)
            {
                Decide(expert);
            }
        }

        _named.AddRange(context.BusyUntil.Keys);
        _named.AddRange(context.OpenRequests.Keys);
        _named.AddRange(context.RecentRequests.Keys);
        foreach (var id in _named)
        {
            if (index.ExpertById.TryGetValue(id, out var expert))
            {
                Decide(expert);
            }
        }

        foreach (var expert in _snapshot.WithBusyDates)
        {
            Decide(expert);
        }
    }

    private bool Decide(int expert)
    {
        if (_states[expert] != Undecided)
        {
            return _states[expert] == Eligible;
        }

        var eligible = RoutingConstraints.IsEligible(_index!.Experts[expert], _query!.AskerId, _context!, _options!);
        _states[expert] = eligible ? Eligible : Ineligible;
        _decided.Add(expert);
        return eligible;
    }

    // Dictionary<string, T> built without a comparer or with the ordinal one (what callers do); anything else may match
    // ids the reverse lookup through ExpertById would miss.
    private static bool KeysAreOrdinal<T>(IReadOnlyDictionary<string, T> map) =>
        map.Count == 0
        || (map is Dictionary<string, T> dictionary
            && (ReferenceEquals(dictionary.Comparer, EqualityComparer<string>.Default) || ReferenceEquals(dictionary.Comparer, StringComparer.Ordinal)));
}
