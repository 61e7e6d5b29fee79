using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Infrastructure.Tests;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this project).</summary>
public static class Bicep
{
    public sealed record Result(int ExitCode, string Output, string Diagnostics)
    {
        /// <summary>Compiler and linter diagnostics ("file(line,col) : Warning|Error CODE: message"), warnings included.</summary>
        public IReadOnlyList<string> Problems { get; } =
            [.. Diagnostics.Split('\n').Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))];
    }

    private static readonly Lazy<string> Executable = new(Locate);
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonObject>>> Compiled = new();

    public static Task<Result> RunAsync(params string[] arguments) => RunAsync(arguments, TestContext.Current.CancellationToken);

    /// <summary>The ARM JSON of a template under infra/, compiled once per test run; a template that does not build fails the test.</summary>
    public static Task<JsonObject> CompiledAsync(string infraRelativePath) =>
        Compiled.GetOrAdd(infraRelativePath, path => new(async () =>
        {
            var result = await RunAsync(["build", Repo.Infra(path), "--stdout"], CancellationToken.None);
            Assert.True(result.ExitCode == 0 && result.Problems.Count == 0, $"bicep build {path} failed:\n{result.Diagnostics}");
            return JsonNode.Parse(result.Output)!.AsObject();
        })).Value;

    private static async Task<Result> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable.Value) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Offline and quiet: no telemetry, no update check.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new(process.ExitCode, await output, await errors);
    }

    private static string Locate()
    {
        var root = Metadata("NuGetPackageRoot");
        var path = Path.Combine(root, "azure.bicep.commandline.linux-x64", Metadata("BicepVersion"), "tools", "bicep");
        if (!File.Exists(path)) throw new FileNotFoundException($"The Bicep CLI is not where NuGet restores it ({path}): run dotnet restore.", path);
        // NuGet may extract it without its executable bit.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }

    internal static string Metadata(string key) =>
        typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} missing (see Infrastructure.Tests.csproj)");
}
