using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CopBot.Testing;

/// <summary>The Azurite service a <see cref="AzuriteServer"/> runs (each is its own process and port).</summary>
public enum AzuriteService
{
    Table,
    Queue,
}

/// <summary>
/// A throw-away Azurite Table (or Queue) service from the repository's node_modules, in memory, on a loopback port.
/// Shared by the xunit fixture and the benchmarks (link this file). <see cref="StopAsync"/> then
/// <see cref="StartAsync"/> simulates an outage on the same port; the restarted Azurite starts empty.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable, IDisposable
{
    // The documented, public development-storage account of Azurite and the storage emulator.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private readonly string _repositoryRoot;
    private readonly string _workspace;
    private readonly IReadOnlyList<string> _nodeOptions;
    private Process? _process;
    private int _disposed;

    private AzuriteServer(string repositoryRoot, int port, AzuriteService service, IReadOnlyList<string>? nodeOptions)
    {
        _repositoryRoot = repositoryRoot;
        _nodeOptions = nodeOptions ?? [];
        Port = port;
        Service = service;
        _workspace = Directory.CreateTempSubdirectory("copbot-azurite-").FullName;
    }

    public int Port { get; }

    public AzuriteService Service { get; }

    /// <summary>The running Azurite process's id (for CPU accounting in benchmarks); null while stopped.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>The service endpoint, path-style with the account name as Azurite expects.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}/{AccountName}";

    /// <summary>A connection string naming this service only (TableEndpoint or QueueEndpoint).</summary>
    public string ConnectionString => ConnectionStringFor(
        Service == AzuriteService.Table ? this : null, Service == AzuriteService.Queue ? this : null);

    /// <summary>One connection string for a table and a queue service, as a storage account has both.</summary>
    public static string ConnectionStringFor(AzuriteServer? tables, AzuriteServer? queues) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + (tables is null ? "" : $"TableEndpoint={tables.Endpoint};")
        + (queues is null ? "" : $"QueueEndpoint={queues.Endpoint};");

    /// <summary>Every line Azurite writes (its own, or Node.js's under <c>nodeOptions</c> such as <c>--trace-gc</c>), as it comes.</summary>
    public event Action<string>? LineReceived;

    /// <summary>
    /// Starts Azurite's <paramref name="service"/> on a free loopback port and waits until it accepts connections.
    /// <paramref name="nodeOptions"/> go to Node.js itself (e.g. <c>--trace-gc</c>, which NODE_OPTIONS refuses).
    /// </summary>
    public static async Task<AzuriteServer> StartNewAsync(string repositoryRoot, AzuriteService service = AzuriteService.Table, IReadOnlyList<string>? nodeOptions = null)
    {
        var server = new AzuriteServer(repositoryRoot, FreePort(), service, nodeOptions);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (again) on <see cref="Port"/>; does nothing while it runs.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        _process = Process.Start(StartInfo(Service == AzuriteService.Table ? "table" : "queue")) ?? throw new InvalidOperationException("Azurite did not start.");
        // Drain its output so a chatty Azurite never blocks on a full pipe; keep it for error messages.
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(_process);
    }

    /// <summary>Kills Azurite (an outage) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Kills Azurite and removes its workspace; safe to call twice and from a Ctrl+C handler.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process?.Dispose();
        if (Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    /// <summary>The directory holding CopBot.sln, above <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CopBot.sln not found above {start}.");
    }

    private ProcessStartInfo StartInfo(string name)
    {
        var executable = Path.Combine(
            _repositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? $"azurite-{name}.cmd" : $"azurite-{name}");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is missing ({executable}): run npm ci at the repo root.");
        }

        // Node.js options go before the script: run the script node_modules/.bin links to through node itself.
        var start = new ProcessStartInfo(_nodeOptions.Count == 0 ? executable : "node")
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_nodeOptions.Count > 0)
        {
            foreach (var option in _nodeOptions)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable);
        }

        foreach (var argument in new[]
        {
            $"--{name}Host", "127.0.0.1", $"--{name}Port", Port.ToString(CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--disableTelemetry", "--silent", "--skipApiVersionCheck",
        })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private async Task WaitUntilListeningAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {Port} within {StartTimeout.TotalSeconds} s: {Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        LineReceived?.Invoke(line);
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
