using BankAccounts.Accounts;
using EventSourcing.Deciders;

namespace BankAccounts.Transfers;

#region transfer-activities
/// <summary>
/// The transfer saga's steps, each one command through the command handler. A step may run more than once (a retry,
/// a restart mid-step): the account decider keys transfer steps by the transfer, and each step's idempotency key makes
/// its events' ids the same on every run, so a repeat adds nothing.
/// </summary>
public sealed class TransferActivities(BankHandlers handlers, TimeProvider clock)
{
    public Task Debit(LegStep step, CancellationToken cancellationToken) =>
        handlers.Accounts.HandleAsync(BankStreams.Account(step.AccountId),
            new DebitTransfer(step.AccountId, step.TransferId, step.OtherAccountId, step.Amount, step.Currency, clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:debit"), cancellationToken);

    public Task Credit(LegStep step, CancellationToken cancellationToken) =>
        handlers.Accounts.HandleAsync(BankStreams.Account(step.AccountId),
            new CreditTransfer(step.AccountId, step.TransferId, step.OtherAccountId, step.Amount, step.Currency, clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:credit"), cancellationToken);

    public Task Refund(RefundStep step, CancellationToken cancellationToken) =>
        handlers.Accounts.HandleAsync(BankStreams.Account(step.AccountId),
            RefundTransfer.Because(step.AccountId, step.TransferId, step.Reason, clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:refund"), cancellationToken);

    public Task Settle(LegStep step, CancellationToken cancellationToken) =>
        handlers.Accounts.HandleAsync(BankStreams.Account(step.AccountId), new SettleTransfer(step.AccountId, step.TransferId, clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:settle"), cancellationToken);

    public Task Complete(OutcomeStep step, CancellationToken cancellationToken) =>
        handlers.Transfers.HandleAsync(BankStreams.Transfer(step.TransferId), new CompleteTransfer(step.TransferId, clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:complete"), cancellationToken);

    public Task Fail(OutcomeStep step, CancellationToken cancellationToken) =>
        handlers.Transfers.HandleAsync(BankStreams.Transfer(step.TransferId),
            FailTransfer.Because(step.TransferId, step.Reason ?? "the transfer failed", clock.GetUtcNow()),
            Context(step.Trace, $"{step.TransferId}:fail"), cancellationToken);

    private static CommandContext Context(SagaTrace trace, string step) =>
        new(CorrelationId: trace.CorrelationId, CausationId: trace.CausationId, IdempotencyKey: "transfer:" + step);
}
#endregion
