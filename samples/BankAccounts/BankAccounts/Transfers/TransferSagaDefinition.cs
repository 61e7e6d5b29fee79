using EventSourcing.Sagas;

namespace BankAccounts.Transfers;

#region transfer-saga-definition
/// <summary>
/// The transfer saga and its activities, under the names the orchestrator calls them by. Added with
/// <c>AddSaga&lt;TransferSagaDefinition&gt;()</c>, it is built by dependency injection, so its activities come by constructor.
/// </summary>
public sealed class TransferSagaDefinition(TransferActivities activities) : ISagaDefinition
{
    public void Register(OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry
            .AddOrchestrator<TransferInput, SagaOutcome>(TransferSaga.Name, TransferSaga.RunAsync)
            .AddActivity<LegStep>(nameof(TransferActivities.Debit), activities.Debit)
            .AddActivity<LegStep>(nameof(TransferActivities.Credit), activities.Credit)
            .AddActivity<RefundStep>(nameof(TransferActivities.Refund), activities.Refund)
            .AddActivity<LegStep>(nameof(TransferActivities.Settle), activities.Settle)
            .AddActivity<OutcomeStep>(nameof(TransferActivities.Complete), activities.Complete)
            .AddActivity<OutcomeStep>(nameof(TransferActivities.Fail), activities.Fail);
    }
}
#endregion
