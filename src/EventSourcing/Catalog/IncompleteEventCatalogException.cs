using System.Text.Json.Nodes;

namespace EventSourcing.Catalog;

/// <summary>An event catalog cannot be built: something declared is not described, or something described is not declared.</summary>
public sealed class IncompleteEventCatalogException(string message) : Exception(message);
