using System.Collections.Immutable;
using EventSourcing.Deciders;
using Ordering.Contracts.Inventory;
using static Ordering.Domain.DomainRules;

namespace Ordering.Domain.Inventory;

/// <summary>
/// One SKU's stock: what is on the shelf, and what each open order holds of it. Bounded by design: an order's entry goes
/// when its reservation is released or committed, so the state (loaded and folded for every command on the SKU) grows
/// with the checkouts in flight, not with every order ever sold. Nothing per finished order is needed: a step of the
/// checkout repeated after its reservation was committed or released is recognised by its event ids (each step has its
/// own idempotency key), and a commit or release with no reservation open has nothing left to do.
/// </summary>
public sealed record StockState(int OnHand, ImmutableDictionary<string, int> Reservations)
{
    public static StockState Initial { get; } = new(0, ImmutableDictionary<string, int>.Empty);

    public int Reserved => Reservations.Values.Sum();

    public int Available => OnHand - Reserved;
}

/// <summary>
/// Stock never goes below zero: an order reserves only what is available. Reservations are per order,
/// so the checkout saga can repeat a reserve, a release or a commit after a crash without double-counting.
/// </summary>
public static class StockDecider
{
    public static Decider<InventoryCommand, InventoryEvent, StockState> Decider { get; } = new(Decide, Evolve, StockState.Initial);

    public static IReadOnlyList<InventoryEvent> Decide(InventoryCommand command, StockState state)
    {
        Sku(command.Sku);
        return command switch
        {
            AddStock add => Add(add),
            ReserveStock reserve => Reserve(reserve, state),
            ReleaseReservation release => Release(release, state),
            CommitReservation commit => Commit(commit, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown inventory command."),
        };
    }

    public static StockState Evolve(StockState state, InventoryEvent e) => e switch
    {
        StockAdded a => state with { OnHand = state.OnHand + a.Quantity },
        StockReserved r => state with { Reservations = state.Reservations.SetItem(r.OrderId, r.Quantity) },
        ReservationReleased r => state with { Reservations = state.Reservations.Remove(r.OrderId) },
        ReservationCommitted c => state with
        {
            OnHand = state.OnHand - c.Quantity,
            Reservations = state.Reservations.Remove(c.OrderId),
        },
        _ => state,
    };

    // Stock arriving twice is two deliveries: a retried request is deduplicated by its Idempotency-Key, not here.
    private static InventoryEvent[] Add(AddStock a)
    {
        PositiveQuantity(a.Quantity);
        return [new StockAdded(a.Sku, a.Quantity)];
    }

    private static InventoryEvent[] Reserve(ReserveStock r, StockState state)
    {
        Text(r.OrderId, "orderId");
        PositiveQuantity(r.Quantity);
        if (state.Reservations.TryGetValue(r.OrderId, out var held))
        {
            if (held == r.Quantity) return [];
            throw Violation("reservation-exists", $"Order '{r.OrderId}' already holds {held} of '{r.Sku}'.");
        }
        if (r.Quantity > state.Available)
            throw Violation("insufficient-stock", $"Only {state.Available} of '{r.Sku}' available; {r.Quantity} requested.");
        return [new StockReserved(r.Sku, r.OrderId, r.Quantity)];
    }

    private static InventoryEvent[] Release(ReleaseReservation r, StockState state)
    {
        Text(r.OrderId, "orderId");
        // No reservation open (released already, or committed: that stock is sold and stays so): nothing to release.
        return state.Reservations.TryGetValue(r.OrderId, out var held) ? [new ReservationReleased(r.Sku, r.OrderId, held)] : [];
    }

    private static InventoryEvent[] Commit(CommitReservation c, StockState state)
    {
        Text(c.OrderId, "orderId");
        // No reservation open: this commit is a repeat of one that took it (or it was released): nothing to commit.
        return state.Reservations.TryGetValue(c.OrderId, out var held) ? [new ReservationCommitted(c.Sku, c.OrderId, held)] : [];
    }
}
