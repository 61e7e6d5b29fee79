namespace EventSourcing.Projections;

/// <summary>The outcome of retrying a projection's dead letters.</summary>
/// <param name="Applied">Parked events that now applied (or turned out to need nothing) and were removed.</param>
/// <param name="StillParked">Parked events left, failed again or waiting behind one that did.</param>
public sealed record DeadLetterRetryResult(int Applied, int StillParked);
