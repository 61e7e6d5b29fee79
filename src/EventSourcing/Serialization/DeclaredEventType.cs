using System.Text.Json.Nodes;

namespace EventSourcing.Serialization;

/// <summary>A stored name as declared: the CLR type that reads it and its current shape version.</summary>
public sealed record DeclaredEventType(string Name, Type ClrType, int SchemaVersion);
