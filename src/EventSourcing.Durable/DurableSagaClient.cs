using System.Text.Json;
using EventSourcing.Sagas;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace EventSourcing.Durable;

/// <summary>
/// The saga client over Durable's: the same calls the embedded runner answers locally. Durable keeps no ids for raised
/// events, so a redelivered raise arrives twice; the checkout saga waits for each event once, so the spare is unused.
/// </summary>
public sealed class DurableSagaClient(DurableTaskClient client) : ISagaClient
{
    /// <inheritdoc />
    public async Task<SagaInstance> StartAsync(
        string orchestrator, string instanceId, object? input, SagaStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(instanceId, cancellationToken) is { } existing) return existing;
        try
        {
            // Checking first is not enough: two deliveries can both find nothing. Refusing a start in every status makes
            // the engine settle the race (left to its default, a backend may replace a finished instance, or accept both
            // starts and corrupt the history, as the in-memory engine does).
            var start = new StartOrchestrationOptions(InstanceId: instanceId).WithDedupeStatuses(Enum.GetValues<OrchestrationRuntimeStatus>());
            await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(orchestrator), DurableJson.Write(input), start, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another trigger may have started it a moment ago: then theirs stands; otherwise the failure is real.
            if (await GetAsync(instanceId, cancellationToken) is { } raced) return raced;
            throw;
        }
        return await GetAsync(instanceId, cancellationToken) ?? throw new SagaNotFoundException(instanceId);
    }

    /// <inheritdoc />
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, Guid? eventId = null, CancellationToken cancellationToken = default)
    {
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) ?? throw new SagaNotFoundException(instanceId);
        if (instance.IsCompleted) return; // as the embedded runner: an event for a finished instance is dropped
        await client.RaiseEventAsync(instanceId, eventName, DurableJson.Write(payload), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SagaInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null) return null;
        var (status, reason) = StatusOf(metadata);
        // The orchestration context keeps the steps in the custom status (Durable's client hands out no history).
        SagaStatusEnvelope? envelope = null;
        if (DurableJson.Read<JsonElement?>(metadata.SerializedCustomStatus) is { } json)
            envelope = SagaStatusEnvelope.TryRead(json, DurableJson.Options) ?? new SagaStatusEnvelope(json, []);
        return new SagaInstance(instanceId, metadata.Name, status, envelope?.Steps ?? [], envelope?.Status, reason, metadata.CreatedAt, metadata.LastUpdatedAt);
    }

    /// <summary>
    /// One page of Durable's instance query, in the order its backend keeps. Completed and Compensated are both
    /// Durable's Completed, told apart by the output, so a page filtered on either may hold fewer than asked.
    /// </summary>
    public async Task<SagaPage> ListAsync(SagaQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.MaxCount, 1, nameof(query));
        var filter = new OrchestrationQuery
        {
            Statuses = query.Status is { } wanted ? RuntimeStatuses(wanted) : null,
            PageSize = query.MaxCount,
            FetchInputsAndOutputs = true, // the output tells a compensated saga from a completed one
            ContinuationToken = query.ContinuationToken,
        };
        await foreach (var page in client.GetAllInstancesAsync(filter).AsPages(query.ContinuationToken, query.MaxCount).WithCancellation(cancellationToken))
        {
            var items = page.Values
                .Select(m => (Metadata: m, Status: StatusOf(m)))
                .Where(m => query.Status is null || m.Status.Status == query.Status)
                .Select(m => new SagaSummary(m.Metadata.InstanceId, m.Metadata.Name, m.Status.Status, m.Status.Reason, m.Metadata.CreatedAt, m.Metadata.LastUpdatedAt));
            return new SagaPage([.. items], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }
        return new SagaPage([], null);
    }

    private static (SagaStatus Status, string? Reason) StatusOf(OrchestrationMetadata metadata) => metadata.RuntimeStatus switch
    {
        OrchestrationRuntimeStatus.Completed when DurableJson.Read<SagaOutcome>(metadata.SerializedOutput) is { Compensated: true } outcome => (SagaStatus.Compensated, outcome.Reason),
        OrchestrationRuntimeStatus.Completed => (SagaStatus.Completed, null),
        OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated =>
            (SagaStatus.Failed, metadata.FailureDetails?.ToString() ?? metadata.RuntimeStatus.ToString()),
        _ => (SagaStatus.Running, null),
    };

    private static OrchestrationRuntimeStatus[] RuntimeStatuses(SagaStatus status) => status switch
    {
        SagaStatus.Completed or SagaStatus.Compensated => [OrchestrationRuntimeStatus.Completed],
        SagaStatus.Failed => [OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
#pragma warning disable CS0618 // ContinuedAsNew is obsolete in the SDK, yet an instance can still report it
        _ => [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.ContinuedAsNew],
#pragma warning restore CS0618
    };
}
