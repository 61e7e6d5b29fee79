using System.Text.Json.Nodes;

namespace EventSourcing.Serialization;

/// <summary>A declared stored name with the current shape version.</summary>
public readonly record struct StoredType(string Name, int SchemaVersion);
