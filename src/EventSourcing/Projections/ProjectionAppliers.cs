using EventSourcing.Serialization;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Projections;

/// <summary>The runner's projections by name, each with the applier that turns its events into changes.</summary>
internal sealed class ProjectionAppliers
{
    private readonly Dictionary<string, PageApplier> _appliers = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">A projection name or indexed property is invalid, or a name is used twice.</exception>
    public ProjectionAppliers(IEnumerable<IProjection> projections, EventSerializer serializer, IProjectionStore store, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(projections);
        foreach (var projection in projections)
        {
            ProjectionNames.Validate(projection.Name);
            foreach (var property in projection.IndexedProperties) ProjectionNames.ValidateProperty(property);
            if (!_appliers.TryAdd(projection.Name, new PageApplier(projection, serializer, store, time, logger)))
                throw new ArgumentException($"Two projections are named '{projection.Name}'.", nameof(projections));
        }
    }

    public IReadOnlyCollection<string> Names => _appliers.Keys;

    public IReadOnlyList<IProjection> Projections => [.. _appliers.Values.Select(a => a.Projection)];

    public bool Contains(string projection) => _appliers.ContainsKey(projection);

    /// <exception cref="UnknownProjectionException">No projection has that name.</exception>
    public PageApplier Of(string projection) =>
        _appliers.TryGetValue(projection, out var applier) ? applier : throw new UnknownProjectionException(projection);
}
