using System.Diagnostics;

namespace CopBot.LoadBench;

/// <summary>CPU time spent per request by one process during a phase (from the OS's per-process accounting).</summary>
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

    public IEnumerable<CpuShare> PerRequest(string bot, int requests) => _processes.Select((p, i) =>
        new CpuShare(bot, p.Label, (TotalProcessorTime(p.ProcessId) - _started[i]).TotalMilliseconds / Math.Max(1, requests)));

    public static TimeSpan TotalProcessorTime(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}
