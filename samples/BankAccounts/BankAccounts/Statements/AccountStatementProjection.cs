using BankAccounts.Accounts;
using EventSourcing.Projections;
using EventSourcing.Store;

namespace BankAccounts.Statements;

#region statement-projection
/// <summary>
/// One statement document per account (key: the account id), filterable by owner and status. The runtime skips
/// events this document has already seen, so <see cref="Apply"/> only says how each event changes it.
/// </summary>
public sealed class AccountStatementProjection : Projection<AccountStatement>
{
    public const string ProjectionName = "account-statements";

    /// <summary>A statement keeps the newest movements only, so the document stays small however old the account.</summary>
    public const int MaxEntries = 100;

    public override string Name => ProjectionName;

    public override IReadOnlyList<string> IndexedProperties { get; } = ["owner", "status"];

    public override string? KeyOf(object domainEvent, RecordedEvent recorded) => (domainEvent as AccountEvent)?.AccountId;

    public override AccountStatement? Apply(AccountStatement? current, object domainEvent, RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var version = recorded.StreamVersion;
        if (domainEvent is AccountOpened o)
            return new AccountStatement(o.AccountId, o.Owner, o.Currency, o.OverdraftLimit, "open", 0, 0, [], o.OpenedAt, o.OpenedAt, version);
        if (current is null) return null; // nothing to change before the account is opened
        return domainEvent switch
        {
            MoneyDeposited d => Move(current, version, d.At, "deposit", d.Amount),
            MoneyWithdrawn w => Move(current, version, w.At, "withdrawal", -w.Amount),
            TransferDebited d => Move(current, version, d.At, "transfer-out", -d.Amount, d.TransferId, d.ToAccountId) with { Held = current.Held + d.Amount },
            TransferCredited c => Move(current, version, c.At, "transfer-in", c.Amount, c.TransferId, c.FromAccountId),
            TransferRefunded r => Move(current, version, r.At, "transfer-refund", r.Amount, r.TransferId, r.Reason) with { Held = current.Held - r.Amount },
            TransferSettled s => current with { Held = current.Held - s.Amount, UpdatedAt = s.At, Version = version },
            AccountClosed c => current with { Status = "closed", UpdatedAt = c.At, Version = version },
            _ => current,
        };
    }

    private static AccountStatement Move(
        AccountStatement current, long version, DateTimeOffset at, string kind, decimal amount, string? transferId = null, string? detail = null)
    {
        var balance = current.Balance + amount;
        var entries = current.Entries.Append(new StatementEntry(version, at, kind, amount, balance, transferId, detail)).TakeLast(MaxEntries).ToList();
        return current with { Balance = balance, Entries = entries, UpdatedAt = at, Version = version };
    }
}
#endregion
