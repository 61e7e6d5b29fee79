using System.Net;
using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Store;

/// <summary>
/// The production event store. Each stream is one logical partition of the events container (partition key
/// <c>/streamId</c>); an append writes one immutable commit document holding all its events and replaces the
/// stream's tip under the ETag it read, in one transactional batch. Cosmos has no global position, so this store
/// implements <see cref="IEventStore"/> only: the change feed is its feed.
/// </summary>
public sealed partial class CosmosEventStore : IEventStore
{
    private readonly Container _events;
    private readonly CosmosEventStoreOptions _options;
    private readonly CosmosCalls _calls;
    private readonly TipReader _tips;
    private readonly CommitReader _commits;
    private readonly BatchWriter _batches;

    /// <param name="events">The events container (partition key <c>/streamId</c>).</param>
    public CosmosEventStore(Container events, CosmosEventStoreOptions? options = null, ILogger<CosmosEventStore>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _options = options ?? new CosmosEventStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAppendRounds, 1, nameof(options));
        _calls = CosmosCalls.Create(_options.Retry, logger);
        _tips = new TipReader(events, _calls);
        _commits = new CommitReader(events, _calls, _tips);
        _batches = new BatchWriter(events, _calls);
        Snapshots = new CosmosSnapshotStore(events, _calls);
        Correlations = new CosmosCorrelationIndex(events, _calls);
    }

    /// <summary>Snapshots, one document beside each stream's tip.</summary>
    public CosmosSnapshotStore Snapshots { get; }

    /// <summary>Events by correlation id, across every stream of the container.</summary>
    public CosmosCorrelationIndex Correlations { get; }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        AppendGuard.Validate(streamId, events, _options.Limits);
        EventData[] batch = [.. events];
        // Measured before anything is read or sent: an append that cannot fit one batch never reaches the service.
        BatchPlan.Create(streamId, null, batch, _options.TimeProvider.GetUtcNow(), _options.Limits);

        var charge = new Charge();
        var ambiguity = new BatchAmbiguity();
        // An exact expectation writes without looking its ids up: a resent append finds the stream moved on (or meets its
        // own commit, a conflict), and only then can stored ids change the outcome. Any and StreamExists appends would
        // write a resent append twice, so they look before every write.
        var lookUp = !expectedVersion.IsExact || _options.EventIds == EventIdScope.Store;
        var round = 0;
        try
        {
            while (true)
            {
                round++;
                var (tip, session) = await _tips.ReadAsync(streamId, charge, cancellationToken);
                var current = tip?.Version ?? 0;
                var found = EventIdLookup.NotLookedUp(batch.Length);
                if (lookUp || !expectedVersion.IsSatisfiedBy(current))
                {
                    found = await FindEventIdsAsync(streamId, batch, session, charge, cancellationToken);
                    ambiguity.Resolved();
                }
                switch (AppendDecision.Decide(streamId, expectedVersion, batch, current, found))
                {
                    case AppendDecision.AlreadyCommitted already:
                        LogAlreadyCommitted(_calls.Logger, streamId, already.Result.StreamVersion);
                        return already.Result;
                    case AppendDecision.Conflict conflict:
                        throw new WrongExpectedVersionException(streamId, expectedVersion, conflict.ActualVersion);
                }

                var plan = BatchPlan.Create(streamId, tip, batch, _options.TimeProvider.GetUtcNow(), _options.Limits);
                if (await _batches.WriteAsync(plan, ambiguity, charge, cancellationToken) == BatchOutcome.Committed) return plan.Result;
                // Another writer moved the tip, or this append's first event is stored already (a retry): look, then decide again.
                lookUp = true;
                if (round >= _options.MaxAppendRounds)
                    throw new WrongExpectedVersionException(streamId, expectedVersion, tip?.Version ?? 0);
            }
        }
        catch (Exception e) when (ambiguity.MayHaveCommitted && !IsCallerCancellation(e, cancellationToken) && e is not AppendOutcomeUnknownException)
        {
            throw BatchWriter.OutcomeUnknown(streamId, e.Message, e);
        }
        catch (Exception e) when (!ambiguity.MayHaveCommitted && IsUnavailable(e, cancellationToken))
        {
            throw new StoreUnavailableException($"Cosmos DB did not take the append to '{streamId}' ({e.Message}); nothing was written.", e);
        }
        finally
        {
            RequestCharges.Tag(charge.Total);
            LogAppendCost(_calls.Logger, streamId, batch.Length, charge.Total, round);
        }
    }

    /// <inheritdoc />
    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        StreamId.Validate(streamId);
        return (await _tips.ReadAsync(streamId, new Charge(), cancellationToken)).Tip?.Version ?? 0;
    }

    /// <summary>Reads within the stream's partition, a page of commits at a time, stopping once it has enough events.</summary>
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
        _commits.ReadAsync(streamId, options, cancellationToken);

    private async Task<StoredEventLocation?[]> FindEventIdsAsync(
        string streamId, EventData[] batch, string? session, Charge charge, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition(EventIdLookup.Query(batch));
        // The tip's session token makes the query see at least every commit the tip we read reflects.
        var options = new QueryRequestOptions { SessionToken = session };
        if (_options.EventIds == EventIdScope.Stream) options.PartitionKey = new PartitionKey(streamId);
        var rows = await _calls.QueryAllAsync<EventIdLookup.Row>("find-event-ids", streamId,
            () => _events.GetItemQueryStreamIterator(query, null, options), charge, cancellationToken);
        return EventIdLookup.Align(batch, rows);
    }

    private static bool IsCallerCancellation(Exception e, CancellationToken cancellationToken) =>
        e is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Faults of a service or network that is down or overloaded, as opposed to a request it refuses.</summary>
    private static bool IsUnavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        CosmosException c => CosmosFaults.IsTransient(c.StatusCode) || c.StatusCode == HttpStatusCode.InternalServerError,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // the SDK's own request timeout
        HttpRequestException => true,
        _ => false,
    };

    [LoggerMessage(LogLevel.Information, "Append to {StreamId} had already committed (a retry); answering its original result, version {Version}")]
    private static partial void LogAlreadyCommitted(ILogger logger, string streamId, long version);

    [LoggerMessage(LogLevel.Debug, "Append of {Count} events to {StreamId}: {RequestCharge} RU in {Rounds} round(s)")]
    private static partial void LogAppendCost(ILogger logger, string streamId, int count, double requestCharge, int rounds);
}
