using BankAccounts.Accounts;
using BankAccounts.Tests.Support;

namespace BankAccounts.Tests.Accounts;

/// <summary>An account opened with an overdraft limit of 100 EUR, and the events tests build its history from.</summary>
internal static class AccountHistory
{
    public const string Id = "alice";
    public static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static DeciderSpec<AccountCommand, AccountEvent, AccountState> Account { get; } = new(AccountDecider.Decider);

    public static AccountOpened Opened { get; } = new(Id, "Alice", "EUR", 100m, At);

    public static MoneyDeposited Deposited(decimal amount) => new(Id, amount, At);

    public static TransferDebited Debited(string transferId, decimal amount) => new(Id, transferId, "bob", amount, At);

    public static AccountClosed Closed { get; } = new(Id, At);
}
