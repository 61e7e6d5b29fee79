namespace EventSourcing.Hosting;

/// <summary>Where and how <see cref="SqliteEventSourcingBuilderExtensions.UseSqlite"/> keeps its databases.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>
    /// The folder of events.db, readmodels.db, requests.db and sagas.db, relative to the working directory or absolute;
    /// created when missing. Defaults to the <c>Store:DataDirectory</c> setting, or "data" when that is unset.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// True (default): every acknowledged write has reached the disk (synchronous = FULL) in every database. False trades
    /// that for speed: a power cut may lose the last commits; a process crash does not.
    /// </summary>
    public bool DurableCommits { get; set; } = true;
}
