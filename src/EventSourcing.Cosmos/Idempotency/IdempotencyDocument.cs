using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Idempotency;

namespace EventSourcing.Cosmos.Idempotency;

/// <summary>
/// An idempotency key in the requests container (partition key <c>/id</c>): a reservation (a token and a lease, no
/// status yet) while its request runs, then its first response. The id is a hash of the key, so keys of any length
/// and with any character make valid ids; <c>ttl</c> lets Cosmos delete it once its window or lease is over.
/// </summary>
public sealed record IdempotencyDocument
{
    /// <summary>Extra seconds kept past the window, so a server clock running ahead never deletes a live record.</summary>
    public const int TtlSlackSeconds = 60;

    /// <summary>The document id and partition key: <see cref="IdOf"/> of the key.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The idempotency key as the client sent it.</summary>
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    /// <summary>A hash of the request, so the same key with another request is told apart.</summary>
    [JsonPropertyName("requestHash")] public string RequestHash { get; init; } = "";

    /// <summary>The reservation's token while its request runs; null once answered.</summary>
    [JsonPropertyName("token")] public string? Token { get; init; }

    /// <summary>Until when a reservation holds the key; after that another request may take it over.</summary>
    [JsonPropertyName("leaseUntil"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset LeaseUntil { get; init; }

    /// <summary>The first response's HTTP status; 0 for a reservation.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; init; }
    /// <summary>The first response's content type, if it had a body.</summary>
    [JsonPropertyName("contentType")] public string? ContentType { get; init; }
    /// <summary>The first response's body.</summary>
    [JsonPropertyName("body")] public byte[] Body { get; init; } = [];
    /// <summary>The first response's headers that are replayed with it.</summary>
    [JsonPropertyName("headers")] public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When the request was first received; the retention window counts from it.</summary>
    [JsonPropertyName("createdAt"), JsonConverter(typeof(UtcTimestampConverter))]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Seconds after the last write until Cosmos removes the document.</summary>
    [JsonPropertyName("ttl")] public int Ttl { get; init; }

    /// <summary>Whether this is a reservation of a request that has not answered.</summary>
    [JsonIgnore] public bool IsReservation => Token is not null;

    /// <summary>The document id of <paramref name="key"/>: its SHA-256 in lower-case hex.</summary>
    public static string IdOf(string key) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLower(CultureInfo.InvariantCulture);

    /// <summary>The reservation <paramref name="claim"/> makes with <paramref name="token"/>; Cosmos removes it soon after its lease.</summary>
    public static IdempotencyDocument Reservation(IdempotencyClaim claim, string token)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new IdempotencyDocument
        {
            Id = IdOf(claim.Key),
            Key = claim.Key,
            RequestHash = claim.RequestHash,
            Token = token,
            LeaseUntil = claim.LeaseUntil,
            CreatedAt = claim.Now,
            Ttl = Seconds(claim.Lease),
        };
    }

    /// <param name="notBefore">Start of the retention window: the record lives as long as it stays inside it.</param>
    public static IdempotencyDocument From(IdempotentResponse response, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(response);
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
            Ttl = Seconds(response.CreatedAt - notBefore),
        };
    }

    /// <summary>The stored first response.</summary>
    public IdempotentResponse ToResponse() => new(Key, RequestHash, StatusCode, ContentType, Body, Headers, CreatedAt);

    /// <summary>
    /// Whether the record still holds its key at <paramref name="now"/>: a response inside the window, a reservation
    /// inside its lease (Cosmos deletes expired ones only eventually).
    /// </summary>
    public bool IsLive(DateTimeOffset now, DateTimeOffset notBefore) => IsReservation ? LeaseUntil > now : CreatedAt >= notBefore;

    /// <summary>What reserving finds in this live record.</summary>
    public IdempotencyReservation Found() => IsReservation
        ? new IdempotencyReservation.InProgress(RequestHash, LeaseUntil)
        : new IdempotencyReservation.Completed(ToResponse());

    private static int Seconds(TimeSpan span) =>
        (int)Math.Clamp(Math.Ceiling(span.TotalSeconds), 0, int.MaxValue - TtlSlackSeconds) + TtlSlackSeconds;
}
