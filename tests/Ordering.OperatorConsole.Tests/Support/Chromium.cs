namespace Ordering.OperatorConsole.Tests.Support;

/// <summary>
/// Debian's chromium, which Playwright drives here (its own browser download cannot work without internet). Missing, the
/// browser tests skip with this reason, unless CONSOLE_TESTS_REQUIRE_CHROMIUM=1 (as .ci/run sets) makes them fail.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable("CONSOLE_TESTS_REQUIRE_CHROMIUM") == "1";

    public static string SkipReason =>
        $"No chromium at {ExecutablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH; .ci/run installs it.";

    /// <summary>Skips the test when chromium is missing and not required; fails it when required.</summary>
    public static void EnsureAvailable()
    {
        if (IsRequired) Assert.True(IsInstalled, SkipReason);
        Assert.SkipUnless(IsInstalled, SkipReason);
    }
}
