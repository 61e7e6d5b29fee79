using System.Text.Json.Nodes;
using EventSourcing.Serialization;

namespace EventSourcing.Catalog;

/// <summary>The events one serializer writes and reads, with what a catalog says of each.</summary>
public sealed record EventCatalogSource(EventSerializer Serializer, EventDescriptions Descriptions);
