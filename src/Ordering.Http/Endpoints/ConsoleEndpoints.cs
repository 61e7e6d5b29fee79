using System.Collections.Concurrent;
using System.Security.Cryptography;
using EventSourcing.Http.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Ordering.OperatorConsole;

namespace Ordering.Http.Endpoints;

/// <summary>
/// The operator console's static files, the same on both hosts (the local host at /console, the Functions app at
/// /api/console). Only files the assembly's manifest lists can be answered: a path is looked up there, never on a disk,
/// and one with empty, "." or ".." segments or a backslash is refused before it is looked up.
/// </summary>
public static class ConsoleEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly ConcurrentDictionary<string, ConsoleFile> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// What every answer carries: files are revalidated on each use (they are not fingerprinted, so a new build must show
    /// at once) and answered 304 while unchanged; the page may load only its own scripts and call only its own API.
    /// </summary>
    private static readonly Dictionary<string, string> Always = new(StringComparer.Ordinal)
    {
        ["Cache-Control"] = "no-cache",
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["Content-Security-Policy"] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    };

    /// <summary>GET {console}/{path}: the file, 304 when the client's copy is current, 404 for anything else.</summary>
    public static IResult File(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path))
        {
            // Relative links in the page (its scripts, its styles) resolve only below a trailing slash.
            if (!(request.Path.Value ?? "").EndsWith('/'))
                return new ApiResult(StatusCodes.Status302Found, null, ReadOnlyMemory<byte>.Empty,
                    new Dictionary<string, string> { ["Location"] = $"{request.PathBase}{request.Path}/{request.QueryString}" });
            path = ConsoleAssets.IndexFile;
        }
        if (!IsPlainRelative(path) || Load(path) is not { } file)
            return ApiResult.From(ApiResponse.Problem(404, "Not found", $"The console has no file '{path}'. Open the console at its start page.", "not-found"));

        var headers = new Dictionary<string, string>(Always) { ["ETag"] = file.ETag };
        if (request.Headers.IfNoneMatch.Any(tag => tag is not null && (tag == file.ETag || tag == "*")))
            return new ApiResult(StatusCodes.Status304NotModified, null, ReadOnlyMemory<byte>.Empty, headers);
        return new ApiResult(StatusCodes.Status200OK, file.ContentType, file.Bytes, headers);
    }

    /// <summary>Segments of letters, digits, '-', '_' and '.', none of them empty, "." or "..": all the console's own files need.</summary>
    internal static bool IsPlainRelative(string path) =>
        path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != ".."
            && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));

    private static ConsoleFile? Load(string path)
    {
        if (Loaded.TryGetValue(path, out var known)) return known;
        var info = ConsoleAssets.Files.GetFileInfo(path);
        if (!info.Exists || info.IsDirectory) return null;
        using var stream = info.CreateReadStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var type = ContentTypes.TryGetContentType(path, out var found) ? found : "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "image/svg+xml") type += "; charset=utf-8";
        // Only files the manifest lists get here, so the cache holds the console and nothing a caller could grow.
        return Loaded.GetOrAdd(path, new ConsoleFile(bytes, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\""));
    }

    private sealed record ConsoleFile(byte[] Bytes, string ContentType, string ETag);
}
