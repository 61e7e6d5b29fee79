namespace EventSourcing.Projections;

/// <summary>
/// Reads read-model documents. Reads always go to a projection's active generation, so a rebuild in progress
/// is invisible until it takes over. Documents deserialize with the store's JSON options (camelCase by default).
/// </summary>
public interface IReadModelStore
{
    /// <summary>The document under <paramref name="key"/>, or null when there is none (or no such projection).</summary>
    Task<T?> GetAsync<T>(string projection, string key, CancellationToken cancellationToken = default) where T : class;

    /// <summary>One page of the documents matching every filter of <paramref name="query"/>, ordered by key.</summary>
    /// <exception cref="InvalidContinuationTokenException">The query's continuation token was not issued by a previous page.</exception>
    /// <exception cref="ArgumentException">A filter names an unusable property or value, or the limit is out of range.</exception>
    Task<ReadModelPage<T>> QueryAsync<T>(string projection, ReadModelQuery query, CancellationToken cancellationToken = default) where T : class;
}
