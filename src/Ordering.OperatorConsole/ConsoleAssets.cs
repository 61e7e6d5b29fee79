using Microsoft.Extensions.FileProviders;

namespace Ordering.OperatorConsole;

/// <summary>The console's files, as embedded in this assembly; paths are relative to its wwwroot (e.g. <c>index.html</c>, <c>views/streams.js</c>).</summary>
public static class ConsoleAssets
{
    /// <summary>The embedded files by their path under wwwroot; it knows only what the manifest lists, nothing of the disk.</summary>
    public static IFileProvider Files { get; } = new ManifestEmbeddedFileProvider(typeof(ConsoleAssets).Assembly, "wwwroot");

    /// <summary>The page a request for the console itself gets.</summary>
    public const string IndexFile = "index.html";
}
