using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CopBot.LoadBench;

/// <summary>A bot under test in its own process on a loopback port; killed (with its children) on dispose.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(string name, Process process, int port, System.Collections.Concurrent.ConcurrentQueue<SlowTurn> slowTurns)
    {
        SlowTurns = slowTurns;
        Name = name;
        _process = process;
        Port = port;
    }

    public string Name { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>The slow-turn warnings the bot has logged so far (CopBot's <c>CopBot__SlowTurnWarning</c>), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<SlowTurn> SlowTurns { get; }

    public Uri MessagesUri => new($"http://127.0.0.1:{Port}/api/messages");

    public static async Task<BotProcess> StartAsync(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Func<int, string, Task<bool>> isReady)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var slowTurns = new System.Collections.Concurrent.ConcurrentQueue<SlowTurn>();
        process.OutputDataReceived += (_, e) => Keep(output, slowTurns, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, slowTurns, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(name, process, port, slowTurns);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {string.Join('\n', output)}");
            }

            if (await isReady(port, name))
            {
                return bot;
            }

            await Task.Delay(200);
        }

        bot.Dispose();
        throw new TimeoutException($"{name} was not ready within 60 s: {string.Join('\n', output)}");
    }

    /// <summary>Resident set size of the bot process, from /proc (Linux), in MB.</summary>
    public double ResidentMegabytes() => ResidentMegabytesOf(_process.Id);

    /// <summary>The bot's open file descriptors: mostly its sockets (connections from the load, to storage, to the connector).</summary>
    public int OpenDescriptors() => Directory.GetFiles($"/proc/{_process.Id}/fd").Length;

    /// <summary>A process's resident set (VmRSS), in MB.</summary>
    public static double ResidentMegabytesOf(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>Keeps the last lines of output for error messages, and drains the pipe so the bot never blocks on it.</summary>
    private static void Keep(System.Collections.Concurrent.ConcurrentQueue<string> output, System.Collections.Concurrent.ConcurrentQueue<SlowTurn> slowTurns, string? line)
    {
        if (line is null)
        {
            return;
        }

        if (SlowTurn.TryParse(line) is { } slow)
        {
            slowTurns.Enqueue(slow);
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
