using System.Text.Json;
using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>
/// A read model as the runtime sees it: which document an event changes and how, over JSON, so the runtime
/// and every store stay unaware of document types. Write projections by deriving from <see cref="Projection{TDocument}"/>.
/// </summary>
public interface IProjection
{
    /// <summary>Unique, stable name: lowercase letters, digits and '-' (e.g. "order-details").</summary>
    string Name { get; }

    /// <summary>Top-level document properties queries filter on; stores that need indexes create them for these.</summary>
    IReadOnlyList<string> IndexedProperties { get; }

    /// <summary>The key of the document <paramref name="domainEvent"/> changes, or null when the projection ignores it.</summary>
    string? KeyOf(object domainEvent, RecordedEvent recorded);

    /// <summary>The document's JSON after the event; <paramref name="currentJson"/> is null when none exists. Null deletes it.</summary>
    string? Apply(string? currentJson, object domainEvent, RecordedEvent recorded, JsonSerializerOptions options);
}
