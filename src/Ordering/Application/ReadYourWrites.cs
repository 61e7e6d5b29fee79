namespace Ordering.Application;

/// <summary>How long a read with minVersion waits for the read model before answering what it has.</summary>
public sealed record ReadYourWrites(TimeSpan Timeout);
