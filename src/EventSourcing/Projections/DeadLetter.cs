using EventSourcing.Store;

namespace EventSourcing.Projections;

/// <summary>An event a projection could not apply, with everything needed to retry it without the feed.</summary>
/// <param name="Error">Why it failed, or which earlier parked event of its stream it waits behind.</param>
/// <param name="Attempts">How many times applying it was tried.</param>
public sealed record DeadLetter(
    string Projection, int Generation, RecordedEvent Event, string Error, int Attempts, DateTimeOffset ParkedAt)
{
    /// <summary>The event's global position.</summary>
    public long Position => Event.Position ?? 0;
}
