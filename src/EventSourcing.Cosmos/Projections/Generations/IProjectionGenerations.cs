namespace EventSourcing.Cosmos.Projections.Generations;

/// <summary>Where each projection's <see cref="GenerationsRecord"/> is kept, written only under its ETag.</summary>
public interface IProjectionGenerations
{
    /// <summary>The stored record, or <see cref="GenerationsRecord.Initial"/> with a null ETag when there is none.</summary>
    Task<StoredGenerations> GetGenerationsAsync(string projection, CancellationToken cancellationToken = default);

    /// <summary>Creates (<paramref name="etag"/> null) or replaces the record if unchanged; false when another writer got there first.</summary>
    Task<bool> TryWriteGenerationsAsync(GenerationsRecord record, string? etag, CancellationToken cancellationToken = default);
}
