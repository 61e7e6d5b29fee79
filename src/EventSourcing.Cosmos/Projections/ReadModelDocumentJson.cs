using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Projections;

namespace EventSourcing.Cosmos.Projections;

/// <summary>
/// A read-model document in the read-models container (partition key <c>/id</c>):
/// <c>{"id":"order-details:o-1","projection":"order-details","key":"o-1","doc":{…}|null,"versions":{"order-o-1":3},"updatedAt":"…"}</c>.
/// The projection's JSON sits under <c>doc</c>, so its own property names never collide with Cosmos's; a deleted
/// document keeps its versions with <c>doc</c> null (a tombstone), so redelivered events stay turned away.
/// </summary>
public static class ReadModelDocumentJson
{
    /// <summary>Longest id Cosmos accepts.</summary>
    public const int MaxIdLength = 255;

    /// <summary>
    /// The document id: projection and key, with the characters Cosmos forbids in ids ('/', '\', '?', '#') and '%'
    /// percent-encoded, so any key works and two keys never share an id.
    /// </summary>
    /// <exception cref="ReadModelRejectedException">The id would be longer than Cosmos allows.</exception>
    public static string Id(string projection, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = new StringBuilder(projection).Append(':');
        foreach (var c in key)
        {
            _ = c switch
            {
                '%' => id.Append("%25"),
                '/' => id.Append("%2F"),
                '\\' => id.Append("%5C"),
                '?' => id.Append("%3F"),
                '#' => id.Append("%23"),
                _ => id.Append(c),
            };
        }
        return id.Length <= MaxIdLength
            ? id.ToString()
            : throw new ReadModelRejectedException($"The read-model key '{key[..Math.Min(key.Length, 40)]}…' of '{projection}' makes an id over {MaxIdLength} characters.");
    }

    /// <summary>The stored JSON of <paramref name="document"/> for <paramref name="projection"/>.</summary>
    /// <exception cref="ReadModelRejectedException">The id would be longer than Cosmos allows.</exception>
    public static byte[] Serialize(string projection, StoredDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = CosmosJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Id(projection, document.Key));
            writer.WriteString("projection", projection);
            writer.WriteString("key", document.Key);
            writer.WritePropertyName("doc");
            if (document.Json is null) writer.WriteNullValue();
            else writer.WriteRawValue(document.Json);
            writer.WritePropertyName("versions");
            JsonSerializer.Serialize(writer, document.Versions);
            writer.WriteString("updatedAt", UtcTimestampConverter.ToText(document.UpdatedAt));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The document a stored JSON holds (<paramref name="root"/> as read from the container).</summary>
    public static StoredDocument Deserialize(JsonElement root)
    {
        var doc = root.GetProperty("doc");
        return new StoredDocument(
            root.GetProperty("key").GetString()!,
            doc.ValueKind == JsonValueKind.Null ? null : doc.GetRawText(),
            root.GetProperty("versions").Deserialize<Dictionary<string, long>>()!,
            UtcTimestampConverter.FromText(root.GetProperty("updatedAt").GetString()!));
    }
}
