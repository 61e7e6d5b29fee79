using System.Collections.Immutable;

namespace BankAccounts.Accounts;

public enum AccountStatus
{
    None,
    Open,
    Closed,
}

/// <summary>An account as its events leave it.</summary>
/// <param name="Held">Transfers debited here and not yet settled or refunded, with their amounts.</param>
/// <param name="Transfers">Every transfer this account was debited or credited for: a repeated step adds nothing.</param>
public sealed record AccountState(
    AccountStatus Status,
    string? Owner,
    string? Currency,
    decimal OverdraftLimit,
    decimal Balance,
    ImmutableDictionary<string, decimal> Held,
    ImmutableHashSet<string> Transfers)
{
    public static AccountState Initial { get; } = new(AccountStatus.None, null, null, 0, 0, ImmutableDictionary<string, decimal>.Empty, []);

    /// <summary>What can still leave the account: the balance plus the overdraft allowed.</summary>
    public decimal Available => Balance + OverdraftLimit;
}
