using System.Text.Json;
using EventSourcing.Sagas;
using EventSourcing.Serialization;
using EventSourcing.Store;
using EventSourcing.Subscriptions;

namespace BankAccounts.Transfers;

#region transfer-trigger
/// <summary>
/// Starts the transfer saga from the feed (no dual write): a committed TransferRequested starts
/// <c>transfer-{transferId}</c>. Starting an instance that exists changes nothing, so a redelivered event starts no
/// second saga. An event it cannot read is parked in the subscription's dead letters, never dropped.
/// </summary>
public sealed class TransferTrigger(ISagaClient sagas, EventSerializer serializer) : IEventHandler
{
    public const string SubscriptionName = "transfer-saga-trigger";

    public string Name => SubscriptionName;

    private readonly string _requested = serializer.TypeMap.GetStoredType(typeof(TransferRequested)).Name;

    /// <summary>A transfer's events are handled in order among themselves: per stream.</summary>
    public string? KeyOf(RecordedEvent recorded) => recorded?.StreamId;

    /// <exception cref="PoisonEventException">The event cannot be read: retrying it as it is would not help.</exception>
    public async Task HandleAsync(RecordedEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Type != _requested) return;
        TransferRequested requested;
        try
        {
            requested = (TransferRequested)serializer.Deserialize(recorded);
        }
        catch (JsonException e)
        {
            throw new PoisonEventException($"{recorded.Type} {recorded.EventId} of {recorded.StreamId} cannot be read: {e.Message}", e);
        }

        var trace = new SagaTrace(recorded.Metadata.CorrelationId, recorded.EventId.ToString());
        var input = new TransferInput(requested.TransferId, requested.FromAccountId, requested.ToAccountId, requested.Amount, requested.Currency, trace);
        await sagas.StartAsync(TransferSaga.Name, TransferSaga.InstanceId(requested.TransferId), input,
            new SagaStartOptions(trace.CorrelationId, trace.CausationId), cancellationToken);
    }
}
#endregion
