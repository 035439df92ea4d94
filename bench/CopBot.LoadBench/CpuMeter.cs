using System.Diagnostics;

namespace CopBot.LoadBench;

/// <summary>CPU time spent per request by one process during a bot's peak rounds (from the OS's per-process accounting).</summary>
internal sealed record CpuShare(string Bot, string Process, double MillisecondsPerRequest);

/// <summary>
/// Measures the CPU time each process of the setup (the bot, Azurite, the load generator with its fake connector)
/// spends over a phase. On a 2-core machine shared by all of them, CPU per request — not requests/s alone — shows
/// what a request costs and where.
/// </summary>
internal sealed class CpuMeter
{
    private readonly IReadOnlyList<(string Label, int ProcessId)> _processes;
    private readonly TimeSpan[] _started;

    private CpuMeter(IReadOnlyList<(string Label, int ProcessId)> processes)
    {
        _processes = processes;
        _started = [.. processes.Select(p => TotalProcessorTime(p.ProcessId))];
    }

    public static CpuMeter Start(IReadOnlyList<(string Label, int ProcessId)> processes) => new(processes);

    /// <summary>Each process's CPU time since <see cref="Start"/>.</summary>
    public IEnumerable<(string Process, TimeSpan Cpu)> Spent() =>
        _processes.Select((p, i) => (p.Label, TotalProcessorTime(p.ProcessId) - _started[i]));

    public static TimeSpan TotalProcessorTime(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}

/// <summary>CPU time and requests summed over a bot's peak rounds, so its CPU per request covers all of them.</summary>
internal sealed class CpuLedger
{
    private readonly List<(string Bot, string Process)> _order = [];
    private readonly Dictionary<(string Bot, string Process), TimeSpan> _cpu = [];
    private readonly Dictionary<string, long> _requests = [];

    public void Add(string bot, int requests, CpuMeter meter)
    {
        _requests[bot] = _requests.GetValueOrDefault(bot) + requests;
        foreach (var (process, cpu) in meter.Spent())
        {
            if (!_cpu.ContainsKey((bot, process)))
            {
                _order.Add((bot, process));
            }

            _cpu[(bot, process)] = _cpu.GetValueOrDefault((bot, process)) + cpu;
        }
    }

    public IReadOnlyList<CpuShare> PerRequest() =>
        [.. _order.Select(key => new CpuShare(key.Bot, key.Process, _cpu[key].TotalMilliseconds / Math.Max(1, _requests[key.Bot])))];
}
