using EventSourcing.Deciders;
using static BankAccounts.BankRules;

namespace BankAccounts.Accounts;

#region account-decider
/// <summary>
/// An account: money comes in and goes out while it is open, never past its overdraft limit. A transfer's debit is
/// held until the transfer settles or is refunded, and an account with money held or a balance left cannot close.
/// Transfer steps are keyed by the transfer, so a step the saga repeats (a retry, a restart) adds nothing.
/// </summary>
public static class AccountDecider
{
    public static Decider<AccountCommand, AccountEvent, AccountState> Decider { get; } = new(Decide, Evolve, AccountState.Initial);

    public static IReadOnlyList<AccountEvent> Decide(AccountCommand command, AccountState state) => command switch
    {
        OpenAccount c => Open(c, state),
        Deposit c => Deposit(c, state),
        Withdraw c => Withdraw(c, state),
        DebitTransfer c => Debit(c, state),
        CreditTransfer c => Credit(c, state),
        RefundTransfer c => Refund(c, state),
        SettleTransfer c => state.Held.TryGetValue(c.TransferId, out var held) ? [new TransferSettled(c.AccountId, c.TransferId, held, c.At)] : [],
        CloseAccount c => Close(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown account command."),
    };

    public static AccountState Evolve(AccountState state, AccountEvent e) => e switch
    {
        AccountOpened o => state with { Status = AccountStatus.Open, Owner = o.Owner, Currency = o.Currency, OverdraftLimit = o.OverdraftLimit },
        MoneyDeposited d => state with { Balance = state.Balance + d.Amount },
        MoneyWithdrawn w => state with { Balance = state.Balance - w.Amount },
        TransferDebited d => state with
        {
            Balance = state.Balance - d.Amount, Held = state.Held.SetItem(d.TransferId, d.Amount), Transfers = state.Transfers.Add(d.TransferId),
        },
        TransferCredited c => state with { Balance = state.Balance + c.Amount, Transfers = state.Transfers.Add(c.TransferId) },
        TransferRefunded r => state with { Balance = state.Balance + r.Amount, Held = state.Held.Remove(r.TransferId) },
        TransferSettled s => state with { Held = state.Held.Remove(s.TransferId) },
        AccountClosed => state with { Status = AccountStatus.Closed },
        _ => state,
    };
    #endregion

    private static AccountEvent[] Open(OpenAccount c, AccountState state)
    {
        Id(c.AccountId, "accountId");
        Text(c.Owner, "owner");
        Currency(c.Currency);
        NotNegative(c.OverdraftLimit, "overdraftLimit");
        if (state.Status == AccountStatus.None) return [new AccountOpened(c.AccountId, c.Owner, c.Currency, c.OverdraftLimit, c.At)];
        if (state.Owner == c.Owner && state.Currency == c.Currency && state.OverdraftLimit == c.OverdraftLimit) return [];
        throw Violation("account-exists", $"Account '{c.AccountId}' is already open for {state.Owner} in {state.Currency}.");
    }

    private static AccountEvent[] Deposit(Deposit c, AccountState state)
    {
        PositiveAmount(c.Amount);
        MustBeOpen(c.AccountId, state);
        return [new MoneyDeposited(c.AccountId, c.Amount, c.At)];
    }

    #region overdraft-rule
    private static AccountEvent[] Withdraw(Withdraw c, AccountState state)
    {
        PositiveAmount(c.Amount);
        MustBeOpen(c.AccountId, state);
        WithinOverdraft(c.AccountId, c.Amount, state);
        return [new MoneyWithdrawn(c.AccountId, c.Amount, c.At)];
    }

    private static void WithinOverdraft(string accountId, decimal amount, AccountState state)
    {
        if (amount > state.Available)
            throw Violation("overdraft-limit-exceeded",
                $"Account '{accountId}' can pay out at most {state.Available} {state.Currency} (balance {state.Balance}, overdraft limit {state.OverdraftLimit}).");
    }
    #endregion

    private static AccountEvent[] Debit(DebitTransfer c, AccountState state)
    {
        PositiveAmount(c.Amount);
        if (state.Transfers.Contains(c.TransferId)) return [];
        MustBeOpen(c.AccountId, state);
        SameCurrency(c.AccountId, c.Currency, state);
        WithinOverdraft(c.AccountId, c.Amount, state);
        return [new TransferDebited(c.AccountId, c.TransferId, c.ToAccountId, c.Amount, c.At)];
    }

    private static AccountEvent[] Credit(CreditTransfer c, AccountState state)
    {
        PositiveAmount(c.Amount);
        if (state.Transfers.Contains(c.TransferId)) return [];
        MustBeOpen(c.AccountId, state);
        SameCurrency(c.AccountId, c.Currency, state);
        return [new TransferCredited(c.AccountId, c.TransferId, c.FromAccountId, c.Amount, c.At)];
    }

    /// <summary>
    /// The undo of this account's own debit, so it is never refused: an account cannot close while money is held, and a
    /// transfer that was never debited here (its debit was refused) or already settled or refunded has nothing to give back.
    /// </summary>
    private static AccountEvent[] Refund(RefundTransfer c, AccountState state)
    {
        Text(c.Reason, "reason", RefundTransfer.MaxReasonLength);
        return state.Held.TryGetValue(c.TransferId, out var held) ? [new TransferRefunded(c.AccountId, c.TransferId, held, c.Reason, c.At)] : [];
    }

    private static AccountEvent[] Close(CloseAccount c, AccountState state)
    {
        if (state.Status == AccountStatus.Closed) return [];
        MustBeOpen(c.AccountId, state);
        if (!state.Held.IsEmpty)
            throw Violation("transfer-pending", $"Account '{c.AccountId}' has {state.Held.Count} transfer(s) in progress; close it when they end.");
        if (state.Balance != 0)
            throw Violation("balance-not-zero", $"Account '{c.AccountId}' holds {state.Balance} {state.Currency}; pay it out before closing.");
        return [new AccountClosed(c.AccountId, c.At)];
    }

    private static void MustBeOpen(string accountId, AccountState state)
    {
        if (state.Status == AccountStatus.None) throw Violation("account-not-found", $"No account '{accountId}' is open.");
        if (state.Status == AccountStatus.Closed) throw Violation("account-closed", $"Account '{accountId}' is closed.");
    }

    private static void SameCurrency(string accountId, string currency, AccountState state)
    {
        if (currency != state.Currency)
            throw Violation("currency-mismatch", $"Account '{accountId}' holds {state.Currency}, not {currency}.");
    }
}
