using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CopBot.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The built bot (src/CopBot's CopBot.dll, the same configuration as this test assembly) as a child process on a
/// loopback port, so a test can kill it with SIGKILL: no graceful stop, no finally blocks, nothing flushed.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri MessagesUrl => new($"http://127.0.0.1:{Port}/api/messages");

    public string Output => string.Join(Environment.NewLine, _output);

    public static BotProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(AzuriteFixture.RepositoryRoot, "src", "CopBot"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltDll());
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        // Anonymous mode whatever the machine says, and no console colours in the captured log.
        start.Environment["MicrosoftAppId"] = string.Empty;
        start.Environment["MicrosoftAppPassword"] = string.Empty;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__Console__DisableColors"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var bot = new BotProcess(process, port);
        process.OutputDataReceived += (_, e) => bot.Record(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits until the bot logged a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited with {_process.ExitCode}: {Output}");
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The bot did not log \"{text}\" within {timeout.TotalSeconds} s: {Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>kill -9: the process gets no chance to finish anything.</summary>
    public async Task KillHardAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
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

    private static string BuiltDll()
    {
        // This assembly's configuration (Debug locally, Release in test.sh): the project reference built it there.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(AzuriteFixture.RepositoryRoot, "src", "CopBot", "bin", configuration, "net10.0", "CopBot.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build src/CopBot first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
