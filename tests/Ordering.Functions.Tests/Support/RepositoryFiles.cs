namespace Ordering.Functions.Tests.Support;

/// <summary>Files of the repository these tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
