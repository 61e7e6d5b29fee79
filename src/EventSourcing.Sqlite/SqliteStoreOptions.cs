using EventSourcing.Store;

namespace EventSourcing.Sqlite;

/// <summary>How the embedded store opens its database and commits.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>Path of the database file; created, with its folder, when missing.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// True (default): every acknowledged append has reached the disk (synchronous = FULL).
    /// False trades that for speed (NORMAL): a power cut may lose the last commits, a process crash does not.
    /// </summary>
    public bool DurableCommits { get; init; } = true;

    /// <summary>
    /// Most appends committed together in one transaction and one fsync. 1 makes the same writer commit each
    /// append in its own transaction (what the append benchmark compares group commit against).
    /// </summary>
    public int MaxAppendsPerCommit { get; init; } = 512;

    /// <summary>Size limits of one append.</summary>
    public AppendLimits Limits { get; init; } = AppendLimits.Default;

    /// <summary>The clock that stamps events.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
