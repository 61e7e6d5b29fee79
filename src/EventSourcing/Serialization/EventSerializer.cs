using System.Text.Json;
using System.Text.Json.Nodes;
using EventSourcing.Store;

namespace EventSourcing.Serialization;

/// <summary>Turns typed events into stored ones and back, applying upcasters on the way in.</summary>
public sealed class EventSerializer(EventTypeMap typeMap, JsonSerializerOptions? options = null)
{
    /// <summary>camelCase JSON, the shape every store and the HTTP API use.</summary>
    public static JsonSerializerOptions DefaultOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The JSON options event data is written and read with.</summary>
    public JsonSerializerOptions Options { get; } = options ?? DefaultOptions;

    /// <summary>The stored names and versions of the event types this serializer knows.</summary>
    public EventTypeMap TypeMap { get; } = typeMap;

    /// <summary>Serializes <paramref name="event"/> under its declared name and current schema version.</summary>
    public EventData Serialize(object @event, Guid eventId, EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var stored = TypeMap.GetStoredType(@event.GetType());
        var data = JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Options);
        return new EventData(eventId, stored.Name, stored.SchemaVersion, data, metadata);
    }

    /// <summary>Reads a stored event as its current CLR type, upcasting older shapes. The stored bytes are untouched.</summary>
    public object Deserialize(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var (clrType, current) = TypeMap.GetClrType(recorded.Type);
        if (recorded.SchemaVersion == current)
            return JsonSerializer.Deserialize(recorded.Data.Span, clrType, Options)
                ?? throw new JsonException($"Event {recorded.EventId} has null data.");

        var node = JsonNode.Parse(recorded.Data.Span) as JsonObject
            ?? throw new JsonException($"Event {recorded.EventId} data is not a JSON object.");
        var upcast = TypeMap.Upcast(recorded.Type, recorded.SchemaVersion, node);
        return upcast.Deserialize(clrType, Options)
            ?? throw new JsonException($"Event {recorded.EventId} upcast to null.");
    }
}
