using System.Diagnostics;
using EventSourcing.Store;

namespace EventSourcing.Diagnostics;

/// <summary>Wraps any store with a trace span and latency metric per append; reads pass straight through.</summary>
public sealed class InstrumentedEventStore(IEventStore inner) : IEventStore, IWriteHealth
{
    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expectedVersion, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        using var activity = EventSourcingTelemetry.ActivitySource.StartActivity("append");
        activity?.SetTag("eventsourcing.stream_id", streamId);
        activity?.SetTag("eventsourcing.event_count", events?.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await inner.AppendAsync(streamId, expectedVersion, events!, cancellationToken);
            EventSourcingTelemetry.EventsAppended.Add(events!.Count);
            activity?.SetTag("eventsourcing.stream_version", result.StreamVersion);
            return result;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            EventSourcingTelemetry.AppendDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, StreamReadOptions options, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(streamId, options, cancellationToken);

    /// <inheritdoc />
    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default) =>
        inner.GetStreamVersionAsync(streamId, cancellationToken);

    /// <summary>The wrapped store's answer when it can tell whether it writes; otherwise null (nothing known against it).</summary>
    public Task<string?> CheckWritesAsync(CancellationToken cancellationToken = default) =>
        inner is IWriteHealth health ? health.CheckWritesAsync(cancellationToken) : Task.FromResult<string?>(null);
}
