using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSourcing.Feed;

/// <summary>
/// The feed's cursors: base64url of a versioned JSON envelope naming the store that issued it and that store's own
/// position. Opaque to subscribers, so a store can change what it keeps without breaking them; a cursor another store
/// issued, or one that was altered, is refused rather than read as "from the beginning".
/// </summary>
public static class FeedCursor
{
    private const int Version = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The cursor of <paramref name="store"/> holding <paramref name="position"/>.</summary>
    public static string Encode<T>(string store, T position)
    {
        ArgumentException.ThrowIfNullOrEmpty(store);
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Envelope<T>(Version, store, position), Json));
    }

    /// <summary>The position inside a cursor <paramref name="store"/> issued.</summary>
    /// <exception cref="InvalidFeedCursorException">Not a cursor, another version, or another store's.</exception>
    public static T Decode<T>(string cursor, string store)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        Envelope<T>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<T>>(Base64Url.DecodeFromChars(cursor), Json);
        }
        catch (Exception e) when (e is FormatException or JsonException or NotSupportedException)
        {
            throw new InvalidFeedCursorException("The cursor is malformed: pass back a 'next' this feed returned.", e);
        }
        if (envelope is null || envelope.V != Version || envelope.Position is null)
            throw new InvalidFeedCursorException("The cursor is malformed or of an unknown version: pass back a 'next' this feed returned.");
        if (envelope.S != store)
            throw new InvalidFeedCursorException($"The cursor was issued by the {envelope.S} store's feed; this one reads the {store} store.");
        return envelope.Position;
    }

    private sealed record Envelope<T>(
        [property: JsonPropertyName("v")] int V,
        [property: JsonPropertyName("s")] string S,
        [property: JsonPropertyName("p")] T Position);
}
