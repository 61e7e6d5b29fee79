using System.Text.Json;
using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>
/// One read model in one file: how each event changes one kind of JSON document. The runtime keeps, per document,
/// the last applied version of every stream that fed it and skips anything older, so <see cref="Apply"/> never
/// needs to guard against redelivery.
/// </summary>
/// <typeparam name="TDocument">The document, serialized with the event serializer's options (camelCase by default).</typeparam>
public abstract class Projection<TDocument> : IProjection where TDocument : class
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public virtual IReadOnlyList<string> IndexedProperties { get; } = [];

    /// <inheritdoc/>
    public abstract string? KeyOf(object domainEvent, RecordedEvent recorded);

    /// <summary>The document after the event; <paramref name="current"/> is null when none exists yet. Return null to delete it.</summary>
    public abstract TDocument? Apply(TDocument? current, object domainEvent, RecordedEvent recorded);

    string? IProjection.Apply(string? currentJson, object domainEvent, RecordedEvent recorded, JsonSerializerOptions options)
    {
        var current = currentJson is null ? null : JsonSerializer.Deserialize<TDocument>(currentJson, options);
        var next = Apply(current, domainEvent, recorded);
        return next is null ? null : JsonSerializer.Serialize(next, options);
    }
}
