namespace BankAccounts.Accounts;

#region account-commands
/// <summary>What can be asked of an account. Commands carry the time and ids; the decider takes none from the machine.</summary>
public abstract record AccountCommand(string AccountId);

public sealed record OpenAccount(string AccountId, string Owner, string Currency, decimal OverdraftLimit, DateTimeOffset At) : AccountCommand(AccountId);

public sealed record Deposit(string AccountId, decimal Amount, DateTimeOffset At) : AccountCommand(AccountId);

public sealed record Withdraw(string AccountId, decimal Amount, DateTimeOffset At) : AccountCommand(AccountId);

public sealed record DebitTransfer(string AccountId, string TransferId, string ToAccountId, decimal Amount, string Currency, DateTimeOffset At)
    : AccountCommand(AccountId);

public sealed record CreditTransfer(string AccountId, string TransferId, string FromAccountId, decimal Amount, string Currency, DateTimeOffset At)
    : AccountCommand(AccountId);

public sealed record RefundTransfer(string AccountId, string TransferId, string Reason, DateTimeOffset At) : AccountCommand(AccountId)
{
    public const int MaxReasonLength = 500;

    /// <summary>A refund quoting another failure's reason, cut to what a refund keeps: a long reason must not make the refund itself invalid.</summary>
    public static RefundTransfer Because(string accountId, string transferId, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new(accountId, transferId, reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength], at);
    }
}

public sealed record SettleTransfer(string AccountId, string TransferId, DateTimeOffset At) : AccountCommand(AccountId);

public sealed record CloseAccount(string AccountId, DateTimeOffset At) : AccountCommand(AccountId);
#endregion
