namespace BankAccounts.Statements;

/// <summary>An account's balance and its latest movements, as the read side serves it.</summary>
/// <param name="Held">Money debited for transfers still in progress (already out of the balance).</param>
/// <param name="Entries">The newest movements, oldest first, at most <see cref="AccountStatementProjection.MaxEntries"/>.</param>
/// <param name="Version">The account stream's version this document reflects.</param>
public sealed record AccountStatement(
    string AccountId,
    string Owner,
    string Currency,
    decimal OverdraftLimit,
    string Status,
    decimal Balance,
    decimal Held,
    IReadOnlyList<StatementEntry> Entries,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    long Version);

/// <summary>One movement: what it was, by how much the balance changed (negative: out) and the balance after it.</summary>
public sealed record StatementEntry(long Version, DateTimeOffset At, string Kind, decimal Amount, decimal BalanceAfter, string? TransferId = null, string? Detail = null);
