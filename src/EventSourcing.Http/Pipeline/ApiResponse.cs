using System.Text.Json;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// What an endpoint answers, as data: it can be written to any host's response and stored whole
/// for idempotent replays.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">Written as the API's JSON (<see cref="ApiJson"/>); null for no body.</param>
/// <param name="Headers">Response headers (ETag, Location, ...), kept with the body for replays.</param>
/// <param name="ContentType">The body's media type.</param>
public sealed record ApiResponse(int StatusCode, object? Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    /// <summary>200 with <paramref name="body"/>; with a <paramref name="version"/>, its ETag (what a later If-Match sends back).</summary>
    public static ApiResponse Ok(object body, long? version = null) => new(200, body, ETagHeader(version));

    /// <summary>201 with <paramref name="body"/>, the new resource's Location and its ETag.</summary>
    public static ApiResponse Created(string location, object body, long version) =>
        new(201, body, new Dictionary<string, string> { ["Location"] = location, ["ETag"] = ETag.Format(version) });

    /// <summary>202 with <paramref name="body"/> (what carries the work on and where to follow it); with a <paramref name="version"/>, its ETag.</summary>
    public static ApiResponse Accepted(object body, long? version = null) => new(202, body, ETagHeader(version));

    /// <summary>
    /// RFC 9457 problem details (<c>application/problem+json</c>): <paramref name="code"/> names the rule a client can
    /// branch on, <paramref name="errors"/> the invalid fields with their messages.
    /// </summary>
    public static ApiResponse Problem(int status, string title, string detail, string? code = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail, code, errors), null, "application/problem+json");

    /// <summary>The body as the API's JSON (<see cref="ApiJson.Options"/>); empty without a body.</summary>
    public byte[] SerializeBody() => Body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), ApiJson.Options);

    private static Dictionary<string, string>? ETagHeader(long? version) =>
        version is { } v ? new() { ["ETag"] = ETag.Format(v) } : null;
}
