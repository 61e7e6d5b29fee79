namespace BankAccounts.Accounts;

#region account-events
/// <summary>What happened to one account (stream <c>account-{accountId}</c>). Stored names are in <see cref="BankEventTypes"/>.</summary>
public abstract record AccountEvent(string AccountId);

public sealed record AccountOpened(string AccountId, string Owner, string Currency, decimal OverdraftLimit, DateTimeOffset OpenedAt) : AccountEvent(AccountId);

public sealed record MoneyDeposited(string AccountId, decimal Amount, DateTimeOffset At) : AccountEvent(AccountId);

public sealed record MoneyWithdrawn(string AccountId, decimal Amount, DateTimeOffset At) : AccountEvent(AccountId);

/// <summary>Money left for a transfer and is held until the transfer settles or is refunded.</summary>
public sealed record TransferDebited(string AccountId, string TransferId, string ToAccountId, decimal Amount, DateTimeOffset At) : AccountEvent(AccountId);

public sealed record TransferCredited(string AccountId, string TransferId, string FromAccountId, decimal Amount, DateTimeOffset At) : AccountEvent(AccountId);

/// <summary>The credit side of the transfer failed: the held debit comes back.</summary>
public sealed record TransferRefunded(string AccountId, string TransferId, decimal Amount, string Reason, DateTimeOffset At) : AccountEvent(AccountId);

/// <summary>The transfer reached its target: the held debit is final.</summary>
public sealed record TransferSettled(string AccountId, string TransferId, decimal Amount, DateTimeOffset At) : AccountEvent(AccountId);

public sealed record AccountClosed(string AccountId, DateTimeOffset At) : AccountEvent(AccountId);
#endregion
