using System.Text.Json;
using EventSourcing.Store;

namespace EventSourcing.Http.Reads;

/// <summary>One stored event with its envelope; <see cref="Data"/> is the stored JSON, never upcast.</summary>
public sealed record StreamEvent(
    Guid EventId,
    string Type,
    int SchemaVersion,
    long Version,
    long? Position,
    DateTimeOffset Timestamp,
    JsonElement Data,
    EventMetadata Metadata);
