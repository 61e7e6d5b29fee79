using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>Typed query-string values; a malformed one is a 400 naming the parameter.</summary>
public static class QueryParameters
{
    /// <summary>The parameter's value; null when it is absent or empty.</summary>
    public static string? Text(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The parameter as a whole number from <paramref name="min"/> to <paramref name="max"/>; null when absent.</summary>
    /// <exception cref="BadRequestException">Not a whole number in that range.</exception>
    public static long? WholeNumber(HttpRequest request, string name, long min = 0, long max = long.MaxValue) =>
        Text(request, name) is not { } text ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : throw new BadRequestException(name, $"'{name}' must be a whole number from {min} to {max}.");

    /// <summary>The parameter as an instant (ISO 8601; without an offset it is UTC), in UTC; null when absent.</summary>
    /// <exception cref="BadRequestException">Not a date and time.</exception>
    public static DateTimeOffset? Instant(HttpRequest request, string name) =>
        Text(request, name) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value.ToUniversalTime()
        : throw new BadRequestException(name, $"'{name}' must be an ISO-8601 date and time, e.g. 2026-11-22T10:00:00Z.");

    /// <summary>The parameter as one of <typeparamref name="T"/>'s names (any case); null when absent.</summary>
    /// <exception cref="BadRequestException">Not one of the names.</exception>
    public static T? Enum<T>(HttpRequest request, string name) where T : struct, System.Enum =>
        Text(request, name) is not { } text ? null
        : System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value
        : throw new BadRequestException(name, $"'{name}' must be one of {string.Join(", ", System.Enum.GetNames<T>())}.");
}
