namespace BankAccounts.Transfers;

/// <summary>What happened to one transfer (stream <c>transfer-{transferId}</c>). Its requested event starts the transfer saga.</summary>
public abstract record TransferEvent(string TransferId);

public sealed record TransferRequested(string TransferId, string FromAccountId, string ToAccountId, decimal Amount, string Currency, DateTimeOffset At)
    : TransferEvent(TransferId);

public sealed record TransferCompleted(string TransferId, DateTimeOffset At) : TransferEvent(TransferId);

/// <summary>The transfer did not happen; any money debited was refunded to the source account.</summary>
public sealed record TransferFailed(string TransferId, string Reason, DateTimeOffset At) : TransferEvent(TransferId);
