using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Idempotency;

namespace EventSourcing.Cosmos.Idempotency;

/// <summary>
/// A first response in the requests container (partition key <c>/id</c>). The id is a hash of the key, so keys of any
/// length and with any character make valid ids; <c>ttl</c> lets Cosmos delete it once the retention window is over.
/// </summary>
public sealed record IdempotencyDocument
{
    /// <summary>Extra seconds kept past the window, so a server clock running ahead never deletes a live record.</summary>
    public const int TtlSlackSeconds = 60;

    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("requestHash")] public string RequestHash { get; init; } = "";
    [JsonPropertyName("statusCode")] public int StatusCode { get; init; }
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    [JsonPropertyName("body")] public byte[] Body { get; init; } = [];
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    [JsonPropertyName("createdAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Seconds after the last write until Cosmos removes the document.</summary>
    [JsonPropertyName("ttl")] public int Ttl { get; init; }

    public static string IdOf(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLower(CultureInfo.InvariantCulture);

    /// <param name="notBefore">Start of the retention window: the record lives as long as it stays inside it.</param>
    public static IdempotencyDocument From(IdempotentResponse response, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(response);
        var window = Math.Ceiling((response.CreatedAt - notBefore).TotalSeconds);
        return new IdempotencyDocument
        {
            Id = IdOf(response.Key),
            Key = response.Key,
            RequestHash = response.RequestHash,
            StatusCode = response.StatusCode,
            ContentType = response.ContentType,
            Body = response.Body.ToArray(),
            Headers = response.Headers,
            CreatedAt = response.CreatedAt,
            Ttl = (int)Math.Clamp(window, 0, int.MaxValue - TtlSlackSeconds) + TtlSlackSeconds,
        };
    }

    public IdempotentResponse ToResponse() => new(Key, RequestHash, StatusCode, ContentType, Body, Headers, CreatedAt);

    /// <summary>Whether the record still answers repeats (Cosmos deletes expired ones only eventually).</summary>
    public bool IsLive(DateTimeOffset notBefore) => CreatedAt >= notBefore;
}
