using EventSourcing.Deciders;
using EventSourcing.Sagas;

namespace BankAccounts.Transfers;

#region transfer-saga
/// <summary>
/// A transfer: debit the source, credit the target, then settle the debit and complete the transfer. When the credit
/// is refused (the target is closed, unknown or in another currency) the debit is refunded and the transfer fails with
/// the reason. The refund is due from the moment the debit is asked for, so a debit that committed and lost its answer
/// is given back too (the account refunds only what it holds). Deterministic: work comes from the context only.
/// </summary>
public static class TransferSaga
{
    public const string Name = "Transfer";

    public static string InstanceId(string transferId) => $"transfer-{transferId}";

    /// <summary>Store hiccups are worth retrying; a domain refusal (overdraft, closed account) is an answer.</summary>
    public static ActivityRetryPolicy Retry { get; } = new(MaxAttempts: 5, FirstRetryInterval: TimeSpan.FromMilliseconds(200))
    {
        DoNotRetry = [typeof(DomainRuleViolationException), typeof(CommandValidationException)],
    };

    /// <summary>For the steps that must not be given up on (a refund, the outcome): they keep trying for minutes.</summary>
    public static ActivityRetryPolicy MustFinish { get; } = Retry with { MaxAttempts = 12, MaxRetryInterval = TimeSpan.FromMinutes(1) };

    public static async Task<SagaOutcome> RunAsync(IOrchestrationContext context, TransferInput input)
    {
        var debit = new LegStep(input.TransferId, input.FromAccountId, input.ToAccountId, input.Amount, input.Currency, input.Trace);
        var credit = new LegStep(input.TransferId, input.ToAccountId, input.FromAccountId, input.Amount, input.Currency, input.Trace);
        try
        {
            context.SetCustomStatus(new TransferProgress("debiting", input.FromAccountId));
            await context.CallActivityAsync(nameof(TransferActivities.Debit), debit, Retry);
            context.SetCustomStatus(new TransferProgress("crediting", input.ToAccountId));
            await context.CallActivityAsync(nameof(TransferActivities.Credit), credit, Retry);
        }
        catch (ActivityFailedException failure)
        {
            var reason = failure.ErrorMessage;
            context.SetCustomStatus(new TransferProgress("refunding", reason));
            await context.CallActivityAsync(nameof(TransferActivities.Refund), new RefundStep(input.TransferId, input.FromAccountId, reason, input.Trace), MustFinish);
            await context.CallActivityAsync(nameof(TransferActivities.Fail), new OutcomeStep(input.TransferId, input.Trace, reason), MustFinish);
            context.SetCustomStatus(new TransferProgress("failed", reason));
            return SagaOutcome.CompensatedBecause(reason);
        }

        await context.CallActivityAsync(nameof(TransferActivities.Settle), debit, MustFinish);
        await context.CallActivityAsync(nameof(TransferActivities.Complete), new OutcomeStep(input.TransferId, input.Trace), MustFinish);
        context.SetCustomStatus(new TransferProgress("completed"));
        return SagaOutcome.Completed;
    }
}
#endregion
