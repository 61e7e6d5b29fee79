using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Snapshots;

namespace EventSourcing.Benchmarks.Reads;

// Public because BenchmarkDotNet's generated code sees the benchmarks' signatures.
public sealed record Deposit(long Amount, string Reference);

public abstract record LedgerEvent;

public sealed record Deposited(long Amount, string Reference) : LedgerEvent;

public sealed record Balance(long Total, int Deposits);

/// <summary>
/// A tiny decider whose fold costs next to nothing, so rehydration figures show the store and the
/// deserializer rather than domain logic.
/// </summary>
public static class Ledger
{
    public static Decider<Deposit, LedgerEvent, Balance> Decider { get; } = new(Decide, Evolve, new Balance(0, 0));

    public static SnapshotOptions Snapshots { get; } = new("Balance", 1, SnapshotPolicy.Every(1_000));

    public static EventTypeMap Types() => new EventTypeMap().Register<Deposited>("MoneyDeposited");

    private static IReadOnlyList<LedgerEvent> Decide(Deposit command, Balance state) =>
        command.Amount > 0 ? [new Deposited(command.Amount, command.Reference)] : [];

    private static Balance Evolve(Balance state, LedgerEvent e) => e switch
    {
        Deposited d => new Balance(state.Total + d.Amount, state.Deposits + 1),
        _ => state,
    };
}
