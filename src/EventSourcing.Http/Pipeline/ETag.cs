using System.Globalization;
using EventSourcing.Store;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>A stream version as an HTTP entity tag, and If-Match as an expected version.</summary>
public static class ETag
{
    /// <summary>The entity tag of <paramref name="version"/>: the number in quotes, e.g. <c>"3"</c>.</summary>
    public static string Format(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The expected version an If-Match header asks for: null without the header, StreamExists for <c>*</c>.
    /// </summary>
    /// <exception cref="BadRequestException">The header is not a version tag.</exception>
    public static ExpectedVersion? ExpectedFrom(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return null;
        if (header == "*") return ExpectedVersion.StreamExists;
        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? ExpectedVersion.Exact(version)
            : throw new BadRequestException("If-Match", "If-Match must be a version tag such as \"3\".");
    }
}
