namespace CopBot.Community;

/// <summary>
/// What a snapshot knows ahead of any request about who may be asked (see <see cref="Eligibility"/>): who never takes
/// requests (maxOpenRequests 0), whose profile carries a busy-until date (decided against the request's clock), and
/// which experts an Entra object id may name. The latter is a sorted array of
/// case-insensitive hashes rather than a dictionary: a few hundred kilobytes at 100k profiles instead of megabytes.
/// </summary>
internal sealed class EligibilityIndex
{
    private readonly bool[] _neverRoutes;
    private readonly int[] _objectIdHashes;
    private readonly int[] _objectIdExperts;
    private readonly int[] _withBusyDates;

    public EligibilityIndex(IndexedExpert[] experts)
    {
        _neverRoutes = new bool[experts.Length];
        var hashes = new List<int>(experts.Length);
        var owners = new List<int>(experts.Length);
        var busy = new List<int>();
        for (var e = 0; e < experts.Length; e++)
        {
            _neverRoutes[e] = experts[e].Profile.MaxOpenRequests <= 0;
            if (experts[e].Profile.BusyUntil is not null)
            {
                busy.Add(e);
            }

            if (experts[e].Profile.AadObjectId is { } objectId)
            {
                hashes.Add(StringComparer.OrdinalIgnoreCase.GetHashCode(objectId));
                owners.Add(e);
            }
        }

        _withBusyDates = [.. busy];
        _objectIdHashes = [.. hashes];
        _objectIdExperts = [.. owners];
        Array.Sort(_objectIdHashes, _objectIdExperts);
    }

    /// <summary>Experts whose profile has a busy-until date: whether it has passed depends on the request's clock.</summary>
    public IReadOnlyList<int> WithBusyDates => _withBusyDates;

    /// <summary>maxOpenRequests 0 or less: nobody may ask them while they have no open request.</summary>
    public bool NeverRoutes(int expert) => _neverRoutes[expert];

    /// <summary>Experts whose Entra object id may equal <paramref name="objectId"/> (same hash: the caller checks).</summary>
    public void AddPossibleOwners(string objectId, List<int> experts)
    {
        var hash = StringComparer.OrdinalIgnoreCase.GetHashCode(objectId);
        var at = Array.BinarySearch(_objectIdHashes, hash);
        if (at < 0)
        {
            return;
        }

        while (at > 0 && _objectIdHashes[at - 1] == hash)
        {
            at--;
        }

        for (; at < _objectIdHashes.Length && _objectIdHashes[at] == hash; at++)
        {
            experts.Add(_objectIdExperts[at]);
        }
    }
}
