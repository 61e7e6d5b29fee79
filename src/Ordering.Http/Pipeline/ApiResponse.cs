using System.Text.Json;

namespace Ordering.Http.Pipeline;

/// <summary>
/// What an endpoint answers, as data: it can be written to any host's response and stored whole
/// for idempotent replays.
/// </summary>
public sealed record ApiResponse(int StatusCode, object? Body, IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json")
{
    public static ApiResponse Ok(object body, long? version = null) => new(200, body, ETagHeader(version));

    public static ApiResponse Created(string location, object body, long version) =>
        new(201, body, new Dictionary<string, string> { ["Location"] = location, ["ETag"] = ETag.Format(version) });

    public static ApiResponse Accepted(object body, long? version = null) => new(202, body, ETagHeader(version));

    /// <summary>RFC 9457 problem details.</summary>
    public static ApiResponse Problem(int status, string title, string detail, string? code = null, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(status, new ProblemBody($"https://httpstatuses.io/{status}", title, status, detail, code, errors), null, "application/problem+json");

    public byte[] SerializeBody() => Body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), ApiJson.Options);

    private static Dictionary<string, string>? ETagHeader(long? version) =>
        version is { } v ? new() { ["ETag"] = ETag.Format(v) } : null;
}

/// <summary>The problem details body; <c>code</c> names the domain rule, <c>errors</c> the invalid fields.</summary>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Code, IReadOnlyDictionary<string, string[]>? Errors);

/// <summary>JSON as the API speaks it: camelCase, enums as strings, nulls omitted.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
