namespace CopBot.Community;

/// <summary>
/// Expert position → candidate of the current request, in per-thread arrays sized to the snapshot (a dictionary or
/// a fresh array per request would cost more than the scoring). Only the touched positions are cleared on dispose.
/// </summary>
internal sealed class CandidateSlots : IDisposable
{
    public const byte Unknown = 0;
    public const byte Matched = 1;
    public const byte Ineligible = 2;

    [ThreadStatic]
    private static CandidateSlots? s_free;

    private CandidateScore?[] _candidates = [];
    private byte[] _states = [];
    private readonly List<int> _touched = [];

    public CandidateScore? this[int expert] => _candidates[expert];

    public static CandidateSlots Rent(int experts)
    {
        var slots = s_free ?? new CandidateSlots();
        s_free = null;
        if (slots._states.Length < experts)
        {
            slots._candidates = new CandidateScore?[experts];
            slots._states = new byte[experts];
        }

        return slots;
    }

    public byte State(int expert) => _states[expert];

    public void Add(int expert, CandidateScore candidate)
    {
        _candidates[expert] = candidate;
        _states[expert] = Matched;
        _touched.Add(expert);
    }

    public void MarkIneligible(int expert)
    {
        _states[expert] = Ineligible;
        _touched.Add(expert);
    }

    public void Dispose()
    {
        foreach (var expert in _touched)
        {
            _candidates[expert] = null;
            _states[expert] = Unknown;
        }

        _touched.Clear();
        s_free = this;
    }
}
