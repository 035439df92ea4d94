namespace CopBot.Deployment.Tests;

/// <summary>Locates the repository from the test binaries (tests run the real scripts in place).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Manifest => Path.Combine(Root, "manifest");

    public static string Deployment => Path.Combine(Root, "deployment");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CopBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CopBot.sln not found above " + AppContext.BaseDirectory);
    }
}
