using System.Runtime.InteropServices;

namespace CopBot.RoutingBench;

/// <summary>
/// CPU time consumed by the calling thread. On a shared machine wall-clock tails mostly measure being descheduled;
/// the thread's own CPU time does not (it still includes cache contention and any GC work done on the thread).
/// Linux only (clock_gettime); elsewhere <see cref="Milliseconds"/> is null and the report says so.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static double? Milliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : null;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
