using EventSourcing.Deciders;
using static BankAccounts.BankRules;

namespace BankAccounts.Transfers;

public enum TransferStatus
{
    None,
    Requested,
    Completed,
    Failed,
}

/// <summary>A transfer as its events leave it.</summary>
public sealed record TransferState(
    TransferStatus Status, string? FromAccountId, string? ToAccountId, decimal Amount, string? Currency, string? FailureReason = null)
{
    public static TransferState Initial { get; } = new(TransferStatus.None, null, null, 0, null);
}

/// <summary>
/// A transfer is asked for once and ends once: completed or failed. The accounts' rules are not checked here but by
/// the saga's steps against each account, so a request is accepted whatever the accounts are, and its outcome says why.
/// </summary>
public static class TransferDecider
{
    public static Decider<TransferCommand, TransferEvent, TransferState> Decider { get; } = new(Decide, Evolve, TransferState.Initial);

    public static IReadOnlyList<TransferEvent> Decide(TransferCommand command, TransferState state) => command switch
    {
        RequestTransfer c => Request(c, state),
        CompleteTransfer c => state.Status switch
        {
            TransferStatus.Requested => [new TransferCompleted(c.TransferId, c.At)],
            TransferStatus.Completed => [],
            _ => throw Ended(c.TransferId, state),
        },
        FailTransfer c => Fail(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown transfer command."),
    };

    public static TransferState Evolve(TransferState state, TransferEvent e) => e switch
    {
        TransferRequested r => new TransferState(TransferStatus.Requested, r.FromAccountId, r.ToAccountId, r.Amount, r.Currency),
        TransferCompleted => state with { Status = TransferStatus.Completed },
        TransferFailed f => state with { Status = TransferStatus.Failed, FailureReason = f.Reason },
        _ => state,
    };

    private static TransferEvent[] Request(RequestTransfer c, TransferState state)
    {
        Id(c.TransferId, "transferId");
        Id(c.FromAccountId, "fromAccountId");
        Id(c.ToAccountId, "toAccountId");
        if (c.FromAccountId == c.ToAccountId) throw CommandValidationException.For("toAccountId", "'toAccountId' must differ from 'fromAccountId'.");
        PositiveAmount(c.Amount);
        Currency(c.Currency);
        if (state.Status == TransferStatus.None) return [new TransferRequested(c.TransferId, c.FromAccountId, c.ToAccountId, c.Amount, c.Currency, c.At)];
        if (state.FromAccountId == c.FromAccountId && state.ToAccountId == c.ToAccountId && state.Amount == c.Amount && state.Currency == c.Currency) return [];
        throw Violation("transfer-exists", $"Transfer '{c.TransferId}' was already requested with other values.");
    }

    private static TransferEvent[] Fail(FailTransfer c, TransferState state)
    {
        Text(c.Reason, "reason", FailTransfer.MaxReasonLength);
        return state.Status switch
        {
            TransferStatus.Requested => [new TransferFailed(c.TransferId, c.Reason, c.At)],
            TransferStatus.Failed => [],
            _ => throw Ended(c.TransferId, state),
        };
    }

    private static DomainRuleViolationException Ended(string transferId, TransferState state) => state.Status == TransferStatus.None
        ? Violation("transfer-not-found", $"No transfer '{transferId}' was requested.")
        : Violation("transfer-ended", $"Transfer '{transferId}' has already {state.Status.ToString().ToLowerInvariant()}.");
}
