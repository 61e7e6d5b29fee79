using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Ordering.Http.Pipeline;

/// <summary>Typed query-string values; a malformed one is a 400 naming the parameter.</summary>
public static class QueryParameters
{
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static long? WholeNumber(HttpRequest request, string name, long min = 0, long max = long.MaxValue) =>
        Text(request, name) is not { } text ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new BadRequestException(name, $"'{name}' must be a whole number from {min} to {max}.");

    public static DateTimeOffset? Instant(HttpRequest request, string name) =>
        Text(request, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime()
        : throw new BadRequestException(name, $"'{name}' must be an ISO-8601 date and time, e.g. 2026-11-22T10:00:00Z.");

    public static T? Enum<T>(HttpRequest request, string name) where T : struct, System.Enum =>
        Text(request, name) is not { } text ? null
        : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value
        : throw new BadRequestException(name, $"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}.");
}
