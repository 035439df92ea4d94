using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace CopBot.Testing;

/// <summary>
/// Runs a real Azurite Table service (from the repo's node_modules) for a test assembly. Link this file into a test
/// project (<c>&lt;Compile Include="../Shared/AzuriteFixture.cs" /&gt;</c>) and put the test classes in
/// <c>[Collection(AzuriteFixture.Collection)]</c>. Data lives in memory: <see cref="StopAsync"/> then
/// <see cref="StartAsync"/> simulates an outage on the same port, and the restarted Azurite starts empty.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The xunit collection sharing this fixture: <c>[Collection(AzuriteFixture.Collection)]</c>.</summary>
    public const string Collection = "Azurite";

    // The documented, public development-storage account of Azurite and the storage emulator.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        Port = FreePort();
        _workspace = Directory.CreateTempSubdirectory("copbot-azurite-").FullName;
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_workspace is not null && Directory.Exists(_workspace))
        {
            Directory.Delete(_workspace, recursive: true);
        }
    }

    /// <summary>Starts Azurite on <see cref="Port"/> and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        _process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(_process);
    }

    /// <summary>Kills Azurite (simulating an outage) and waits until it is gone.</summary>
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

    /// <summary>The directory holding CopBot.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"CopBot.sln not found above {AppContext.BaseDirectory}.");
    }

    private ProcessStartInfo StartInfo()
    {
        var executable = Path.Combine(
            RepositoryRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is missing ({executable}): run npm ci at the repo root.");
        }

        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

/// <summary>One Azurite per test assembly: every class in this collection shares it (and runs sequentially).</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>;
