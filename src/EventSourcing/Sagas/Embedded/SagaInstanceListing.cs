using EventSourcing.Sagas.History;
using EventSourcing.Store;

namespace EventSourcing.Sagas.Embedded;

/// <summary>
/// Lists instances in id order from the history streams, each folded from its history (so its status is exact),
/// looking at a bounded number of histories per page when a status filter passes over most of them.
/// </summary>
internal sealed class SagaInstanceListing(IStreamDirectory? directory, Func<string, CancellationToken, Task<SagaInstance?>> get, int maxScannedPerPage)
{
    /// <summary>The continuation token is the id of the last instance looked at.</summary>
    /// <exception cref="NotSupportedException">There is no stream directory to list from.</exception>
    /// <exception cref="ArgumentException">The continuation token is not an instance id.</exception>
    public async Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxCount, 1, nameof(query));
        var streams = directory ?? throw new NotSupportedException("Listing sagas needs a store that lists its streams (IStreamDirectory).");
        if (query.ContinuationToken is { } token) ValidateToken(token);
        var items = new List<SagaSummary>();
        var after = query.ContinuationToken is { } last ? SagaHistory.StreamOf(last) : null;
        var scanned = 0;
        while (items.Count < query.MaxCount && scanned < maxScannedPerPage)
        {
            var page = await streams.ListStreamsAsync(SagaHistory.StreamPrefix, after, Math.Min(query.MaxCount - items.Count, maxScannedPerPage - scanned), cancellationToken);
            if (page.Count == 0) return new SagaPage(items, null);
            foreach (var stream in page)
            {
                var instance = await get(stream.StreamId[SagaHistory.StreamPrefix.Length..], cancellationToken);
                if (instance is not null && (query.Status is null || instance.Status == query.Status)) items.Add(SagaSummary.Of(instance));
            }
            scanned += page.Count;
            after = page[^1].StreamId;
        }
        return new SagaPage(items, after![SagaHistory.StreamPrefix.Length..]);
    }

    private static void ValidateToken(string continuationToken)
    {
        try
        {
            StreamId.Validate(SagaHistory.StreamOf(continuationToken));
        }
        catch (InvalidStreamIdException e)
        {
            throw new ArgumentException($"'{continuationToken}' is not a continuation token of this listing.", nameof(continuationToken), e);
        }
    }
}
