using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

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
