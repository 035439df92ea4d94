using System.Diagnostics;

namespace CopBot.Deployment.Tests;

internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}

/// <summary>Runs a script or tool to completion and captures its output (shown in assertion messages).</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in time: {await stdout}{await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs without network when the OS lets us (Linux network namespace), so "offline" is proven, not assumed.</summary>
    public static async Task<ProcessResult> RunOfflineAsync(string fileName, params string[] arguments)
    {
        if (await CanIsolateNetworkAsync())
        {
            return await RunAsync("unshare", ["--map-root-user", "--net", "--", fileName, .. arguments]);
        }

        return await RunAsync(fileName, arguments);
    }

    private static async Task<bool> CanIsolateNetworkAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return (await RunAsync("unshare", ["--map-root-user", "--net", "--", "true"], timeout: TimeSpan.FromSeconds(10))).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no unshare binary
        }
    }
}
