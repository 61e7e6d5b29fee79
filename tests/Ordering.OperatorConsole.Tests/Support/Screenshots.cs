using Microsoft.Playwright;

namespace Ordering.OperatorConsole.Tests.Support;

/// <summary>
/// A screenshot of each view, kept as a test artifact under TestResults/console/ at the repository root; with
/// UPDATE_CONSOLE_SCREENSHOTS=1 also written to docs/console/, where the README shows them.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string view)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Write(Path.Combine(Repository.Root, "TestResults", "console"), view, bytes);
        if (Environment.GetEnvironmentVariable("UPDATE_CONSOLE_SCREENSHOTS") == "1") Write(Path.Combine(Repository.Root, "docs", "console"), view, bytes);
    }

    private static void Write(string directory, string view, byte[] bytes)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, $"{view}.png"), bytes);
    }
}

/// <summary>The repository the tests run in.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
