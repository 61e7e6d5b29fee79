using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>
/// How every document this adapter writes is serialized: System.Text.Json with explicit property names. The adapter
/// reads and writes streams itself, so documents look the same whatever serializer the CosmosClient was given.
/// </summary>
public static class CosmosJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Event data is stored as a JSON string: the default encoder would write every quote of it as \u0022 (six
        // bytes) and every non-ASCII character as \uXXXX, making documents, and so request units, up to twice as big.
        // These documents are never embedded in HTML, which is all the stricter escaping protects.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the items of one page of a query or change-feed response (<c>{"Documents":[…]}</c>).</summary>
    public static List<T> ReadPage<T>(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var page = JsonDocument.Parse(content);
        if (!page.RootElement.TryGetProperty("Documents", out var documents)) return [];
        return [.. documents.EnumerateArray().Select(d => d.Deserialize<T>(Options)!)];
    }
}

/// <summary>
/// Instants as fixed-width UTC text with seven fractional digits: exact to the tick, and ordered as strings,
/// so a query can compare them with &lt;= (numbers would not do: Cosmos keeps them as doubles).
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        new(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FromText(reader.GetString() ?? throw new JsonException("A timestamp is null."));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToText(value));
    }
}
