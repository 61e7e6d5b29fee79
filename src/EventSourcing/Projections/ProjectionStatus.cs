namespace EventSourcing.Projections;

/// <summary>How far one generation of a projection has got.</summary>
/// <param name="Version">The generation number; a rebuild creates the next one.</param>
/// <param name="Checkpoint">Position of the last event applied or parked.</param>
/// <param name="Lag">Events behind the head of the feed.</param>
/// <param name="Status"><see cref="Running"/>, <see cref="CatchingUp"/> or <see cref="Rebuilding"/>.</param>
/// <param name="DeadLetters">Events parked in this generation, waiting for a retry.</param>
public sealed record ProjectionStatus(
    string Name, int Version, long Checkpoint, long Lag, string Status, DateTimeOffset UpdatedAt, int DeadLetters)
{
    /// <summary>Active and at the head of the feed.</summary>
    public const string Running = "Running";

    /// <summary>Active and behind the head of the feed.</summary>
    public const string CatchingUp = "CatchingUp";

    /// <summary>A new generation filling from position zero; takes over when it reaches the head.</summary>
    public const string Rebuilding = "Rebuilding";
}
