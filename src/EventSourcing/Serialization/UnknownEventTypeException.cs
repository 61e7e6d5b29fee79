using System.Text.Json.Nodes;

namespace EventSourcing.Serialization;

/// <summary>An event whose type or shape the type map cannot resolve.</summary>
public sealed class UnknownEventTypeException(string message) : Exception(message);
