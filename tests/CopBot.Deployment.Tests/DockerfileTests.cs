using System.Text.RegularExpressions;

namespace CopBot.Deployment.Tests;

/// <summary>No Docker engine here: these keep the Dockerfile consistent with the solution layout instead.</summary>
public sealed partial class DockerfileTests
{
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Deployment, "Dockerfile"));

    [Fact]
    public void Restore_layer_copies_the_central_build_files_and_every_source_project()
    {
        var copied = CopyLine().Matches(Dockerfile).SelectMany(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();

        Assert.Contains("global.json", copied);
        Assert.Contains("Directory.Build.props", copied);
        Assert.Contains("Directory.Packages.props", copied);
        foreach (var project in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            Assert.Contains(Path.GetRelativePath(RepoPaths.Root, project).Replace('\\', '/'), copied);
        }

        foreach (var source in copied.Where(s => !s.Contains('*', StringComparison.Ordinal)))
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, source)) || Directory.Exists(Path.Combine(RepoPaths.Root, source)), source + " does not exist");
        }
    }

    [Fact]
    public void Runtime_stage_runs_as_non_root_on_8080_with_a_health_check()
    {
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Contains("USER $APP_UID", runtime, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", runtime, StringComparison.Ordinal);
        Assert.Contains("EXPOSE 8080", runtime, StringComparison.Ordinal);
        Assert.Matches(@"HEALTHCHECK[^\n]*\\\n\s*CMD \[""dotnet"", ""/app/healthcheck/CopBot\.HealthCheck\.dll"", ""http://127\.0\.0\.1:8080/healthz""\]", runtime);
    }

    [Fact]
    public async Task Health_check_probe_builds_and_reports_an_unreachable_bot_as_unhealthy()
    {
        var project = Path.Combine(RepoPaths.Deployment, "healthcheck", "CopBot.HealthCheck.csproj");
        var output = Directory.CreateTempSubdirectory("copbot-healthcheck-").FullName;
        try
        {
            var build = await ProcessRunner.RunAsync("dotnet", ["build", project, "-c", "Release", "-o", output, "--nologo", "-warnaserror"]);
            Assert.True(build.ExitCode == 0, build.Output);

            // Port 1 on loopback: nothing listens, so the probe must say "unhealthy" (exit 1), not crash.
            var probe = await ProcessRunner.RunAsync("dotnet", [Path.Combine(output, "CopBot.HealthCheck.dll"), "http://127.0.0.1:1/healthz"]);
            Assert.Equal(1, probe.ExitCode);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [GeneratedRegex(@"^COPY (?!--from)(?<sources>.+) \S+$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
