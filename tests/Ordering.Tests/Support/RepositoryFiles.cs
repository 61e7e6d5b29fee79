namespace Ordering.Tests.Support;

/// <summary>Files of the repository the tests run from, found by walking up to Functions.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>docs/events: the committed event catalog.</summary>
    public static string EventCatalogFolder => Path.Combine(Root, "docs", "events");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
