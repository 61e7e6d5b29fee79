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

    /// <summary>The instant as stored, e.g. <c>2026-01-02T03:04:05.0000000Z</c>.</summary>
    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant a stored text stands for, at offset zero.</summary>
    /// <exception cref="FormatException">The text is not in the stored format.</exception>
    public static DateTimeOffset FromText(string text) =>
        new(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FromText(reader.GetString() ?? throw new JsonException("A timestamp is null."));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToText(value));
    }
}
