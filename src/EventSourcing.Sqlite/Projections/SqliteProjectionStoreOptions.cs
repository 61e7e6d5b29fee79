using System.Text.Json;
using EventSourcing.Serialization;

namespace EventSourcing.Sqlite.Projections;

/// <summary>How the embedded read-model store opens its database.</summary>
public sealed record SqliteProjectionStoreOptions
{
    /// <summary>
    /// Path of the read-model database file (e.g. "readmodels.db"); created, with its folder, when missing.
    /// Keep it apart from the event store's file so projection writes never contend with appends.
    /// </summary>
    public required string DatabasePath { get; init; }

    /// <summary>
    /// True (default): synchronous = FULL, each page fsynced before it counts, like every other file the backend writes:
    /// what an operator was told (a dead letter retried, a rebuild switched over) is not undone by a power cut.
    /// False (NORMAL) saves that fsync per page: a power cut may undo the last pages, documents and checkpoint
    /// together, and the feed replays them; fit for read models nobody acts on.
    /// </summary>
    public bool DurableCommits { get; init; } = true;

    /// <summary>How documents deserialize on reads; must match the options they were written with (the event serializer's).</summary>
    public JsonSerializerOptions JsonOptions { get; init; } = EventSerializer.DefaultOptions;

    /// <summary>The clock that stamps generation changes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
