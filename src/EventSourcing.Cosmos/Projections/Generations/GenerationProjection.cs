using System.Text.Json;
using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>
/// A projection as a later generation is written: the same code under its physical name, so a dispatcher over it
/// keeps documents and dead letters apart from every other generation without knowing generations exist.
/// </summary>
internal sealed class GenerationProjection(IProjection inner, int generation) : IProjection
{
    public IProjection Inner { get; } = inner;

    public int Generation { get; } = generation;

    public string Name { get; } = ProjectionGenerations.PhysicalName(inner.Name, generation);

    public IReadOnlyList<string> IndexedProperties => Inner.IndexedProperties;

    public string? KeyOf(object domainEvent, RecordedEvent recorded) => Inner.KeyOf(domainEvent, recorded);

    public string? Apply(string? currentJson, object domainEvent, RecordedEvent recorded, JsonSerializerOptions options) =>
        Inner.Apply(currentJson, domainEvent, recorded, options);
}
