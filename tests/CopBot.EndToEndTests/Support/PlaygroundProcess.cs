using System.Diagnostics;
using System.Globalization;
using System.Text;
using CopBot.Testing;

namespace CopBot.EndToEndTests.Support;

/// <summary>
/// One Microsoft 365 Agents Playground (node_modules, loopback only, no telemetry) in its own temp folder.
/// It keeps every message in memory, so each test gets a fresh one; disposing kills it and deletes the folder.
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const string ListeningPrefix = "Listening on ";

    // Variables that would change where it reads its config, whom it calls, or make it sign in to Entra.
    private static readonly string[] InheritedVariablesToDrop =
    [
        "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID", "BOT_ENDPOINT", "DEFAULT_CHANNEL_ID",
        "TEAMS_APP_TEST_TOOL_CONFIG_PATH", "TEAMSAPPTESTER_PORT", "TEAMSAPPTESTER_LOGFILE",
        "M365_AGENTS_PLAYGROUND_SERVICE_URL", "M365_AGENTS_PLAYGROUND_DELIVERY_MODE", "M365_AGENTS_PLAYGROUND_TARGET_SDK",
        "M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING", "M365_AGENTS_PLAYGROUND_RECORDING_FILE", "NODE_OPTIONS",
    ];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string workDirectory, int port)
    {
        _process = process;
        WorkDirectory = workDirectory;
        Port = port;
    }

    public int Port { get; }

    public string WorkDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string ServiceUrl => $"http://127.0.0.1:{Port}/_connector";

    public string LogFile => Path.Combine(WorkDirectory, "playground.log");

    /// <summary>Writes the tenant's config, starts the playground on <paramref name="port"/> against <paramref name="botEndpoint"/> and waits until it answers.</summary>
    public static async Task<PlaygroundProcess> StartAsync(PlaygroundTenant tenant, Uri botEndpoint, int port, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(botEndpoint);
        var workDirectory = Directory.CreateTempSubdirectory("copbot-playground-").FullName;
        var configPath = PlaygroundConfigFile.Write(tenant, workDirectory);
        var process = new Process { StartInfo = StartInfo(workDirectory, configPath, port, botEndpoint) };
        var playground = new PlaygroundProcess(process, workDirectory, port);
        process.OutputDataReceived += (_, e) => playground.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => playground.OnOutput(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await playground.WaitUntilReadyAsync(http);
            return playground;
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
    }

    private static ProcessStartInfo StartInfo(string workDirectory, string configPath, int port, Uri botEndpoint)
    {
        var root = AzuriteFixture.RepositoryRoot;
        var cli = Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is missing ({cli}): run npm ci at the repo root.");
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Values are separate arguments: the CLI lower-cases anything attached to a --flag with '='.
        foreach (var argument in new[]
        {
            "-r", Path.Combine(root, "tools", "playground", "loopback-only.js"), cli, "start",
            "-e", botEndpoint.AbsoluteUri, "-c", "msteams", "-p", portText,
            "--service-url", $"http://127.0.0.1:{portText}/_connector", "--disable-telemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedVariablesToDrop)
        {
            start.Environment.Remove(name);
        }

        // Mandatory: no statsbeat, no browser; with --disable-telemetry the playground makes no outside connection.
        start.Environment["APPLICATION_INSIGHTS_NO_STATSBEAT"] = "true";
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground.log");
        return start;
    }

    /// <summary>
    /// Ready = it said it listens on OUR port (it silently takes another one when ours is busy) and /_debug/ping
    /// answers pong (the routes are mounted only after the config was accepted; the stdout line comes earlier).
    /// </summary>
    private async Task WaitUntilReadyAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The playground exited with code {_process.ExitCode}. {Diagnostics()}");
            }

            if (_listening.Task.IsCompleted && _listening.Task.Result != Port)
            {
                throw new InvalidOperationException($"The playground listens on {_listening.Task.Result}, not on the requested {Port}. {Diagnostics()}");
            }

            if (_listening.Task.IsCompleted && await PingAsync(http))
            {
                return;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException($"The playground was not ready on port {Port} within {ReadyTimeout.TotalSeconds} s. {Diagnostics()}");
    }

    private async Task<bool> PingAsync(HttpClient http)
    {
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            using var response = await http.GetAsync(new Uri(BaseAddress, "_debug/ping"), cancel.Token);
            return response.IsSuccessStatusCode && await response.Content.ReadAsStringAsync(cancel.Token) == "pong";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(ListeningPrefix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            _listening.TrySetResult(port);
        }
    }

    /// <summary>Its console output and the tail of its log file, for failure messages.</summary>
    public string Diagnostics()
    {
        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        var log = File.Exists(LogFile) ? string.Join(Environment.NewLine, File.ReadLines(LogFile).TakeLast(30)) : "(no log file)";
        return $"Output:{Environment.NewLine}{output}Log ({LogFile}):{Environment.NewLine}{log}";
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGKILL: nothing to save (all state is in memory) and no telemetry flush to wait for.
                _process.Kill(entireProcessTree: true);
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cancel.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        finally
        {
            _process.Dispose();
            TryDelete(WorkDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never hide the test's own outcome behind it.
        }
    }
}
