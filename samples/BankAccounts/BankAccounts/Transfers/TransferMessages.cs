namespace BankAccounts.Transfers;

/// <summary>What the transfer saga is started with: the transfer as requested and what caused it.</summary>
public sealed record TransferInput(string TransferId, string FromAccountId, string ToAccountId, decimal Amount, string Currency, SagaTrace Trace);

/// <summary>The request that asked for the transfer (correlation) and the event that started the saga (causation).</summary>
public sealed record SagaTrace(string? CorrelationId, string? CausationId);

/// <summary>One leg of the transfer on one account: the debit of the source or the credit of the target.</summary>
public sealed record LegStep(string TransferId, string AccountId, string OtherAccountId, decimal Amount, string Currency, SagaTrace Trace);

/// <summary>Gives the source account back what the transfer debited, because of <paramref name="Reason"/>.</summary>
public sealed record RefundStep(string TransferId, string AccountId, string Reason, SagaTrace Trace);

/// <summary>Ends the transfer: completed, or failed for <paramref name="Reason"/>.</summary>
public sealed record OutcomeStep(string TransferId, SagaTrace Trace, string? Reason = null);

/// <summary>Where the transfer is, for status queries.</summary>
public sealed record TransferProgress(string Stage, string? Detail = null);
