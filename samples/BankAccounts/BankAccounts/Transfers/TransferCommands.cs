namespace BankAccounts.Transfers;

public abstract record TransferCommand(string TransferId);

public sealed record RequestTransfer(string TransferId, string FromAccountId, string ToAccountId, decimal Amount, string Currency, DateTimeOffset At)
    : TransferCommand(TransferId);

public sealed record CompleteTransfer(string TransferId, DateTimeOffset At) : TransferCommand(TransferId);

public sealed record FailTransfer(string TransferId, string Reason, DateTimeOffset At) : TransferCommand(TransferId)
{
    public const int MaxReasonLength = 500;

    /// <summary>A failure quoting another's reason, cut to what the event keeps.</summary>
    public static FailTransfer Because(string transferId, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new(transferId, reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength], at);
    }
}
