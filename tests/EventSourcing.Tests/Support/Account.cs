using EventSourcing.Deciders;
using EventSourcing.Serialization;
using EventSourcing.Snapshots;

namespace EventSourcing.Tests.Support;

/// <summary>A tiny decider for core tests: a bank account that never goes negative.</summary>
public static class Account
{
    public abstract record Command;
    public sealed record Open(string Owner) : Command;
    public sealed record Deposit(decimal Amount) : Command;
    public sealed record Withdraw(decimal Amount) : Command;

    public abstract record Event;
    public sealed record Opened(string Owner) : Event;
    public sealed record Deposited(decimal Amount) : Event;
    public sealed record Withdrawn(decimal Amount) : Event;

    public sealed record State(bool IsOpen, string Owner, decimal Balance, int Transactions);

    public sealed class InsufficientFunds(decimal balance) : Exception($"Balance {balance} is too low.");

    public static Decider<Command, Event, State> Decider { get; } = new(Decide, Evolve, new State(false, "", 0, 0));

    public static EventTypeMap Types() => new EventTypeMap()
        .Register<Opened>("AccountOpened")
        .Register<Deposited>("MoneyDeposited")
        .Register<Withdrawn>("MoneyWithdrawn");

    public static SnapshotOptions SnapshotEvery(int n, int schemaVersion = 1) => new("Account", schemaVersion, SnapshotPolicy.Every(n));

    private static IReadOnlyList<Event> Decide(Command command, State state) => command switch
    {
        Open open when !state.IsOpen => [new Opened(open.Owner)],
        Open => [], // opening an open account again changes nothing
        Deposit d when d.Amount > 0 => [new Deposited(d.Amount)],
        Withdraw w when w.Amount > state.Balance => throw new InsufficientFunds(state.Balance),
        Withdraw w when w.Amount > 0 => [new Withdrawn(w.Amount)],
        _ => throw new ArgumentException("Amounts must be positive."),
    };

    private static State Evolve(State state, Event e) => e switch
    {
        Opened o => state with { IsOpen = true, Owner = o.Owner },
        Deposited d => state with { Balance = state.Balance + d.Amount, Transactions = state.Transactions + 1 },
        Withdrawn w => state with { Balance = state.Balance - w.Amount, Transactions = state.Transactions + 1 },
        _ => state,
    };
}
