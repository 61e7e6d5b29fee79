using EventSourcing.Deciders;

namespace EventSourcing.Http.Tests.Venues;

/// <summary>A domain that is not ordering: a venue's seats, reserved until it is full.</summary>
internal static class Venue
{
    public const int Capacity = 10;

    public static Decider<ReserveSeats, SeatsReserved, VenueState> Decider { get; } = new(Decide, (state, e) => state with { Reserved = state.Reserved + e.Seats }, new VenueState(0));

    private static IReadOnlyList<SeatsReserved> Decide(ReserveSeats command, VenueState state)
    {
        if (command.Seats < 1)
            throw new CommandValidationException(new Dictionary<string, string[]> { ["seats"] = ["Reserve at least one seat."] });
        if (state.Reserved + command.Seats > Capacity)
            throw new DomainRuleViolationException("sold-out", $"Only {Capacity - state.Reserved} of {Capacity} seats are left.");
        return [new SeatsReserved(command.Seats)];
    }
}

internal sealed record ReserveSeats(int Seats);

internal sealed record SeatsReserved(int Seats);

internal sealed record VenueState(int Reserved);

/// <summary>What the venue routes answer.</summary>
internal sealed record VenueView(string VenueId, int Reserved, long Version);
