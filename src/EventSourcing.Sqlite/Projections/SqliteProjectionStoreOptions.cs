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
    /// False (default): synchronous = NORMAL. A power cut may undo the last pages, but documents and checkpoint roll
    /// back together and the feed replays them, so read models need no fsync per page. True: FULL.
    /// </summary>
    public bool DurableCommits { get; init; }

    /// <summary>How documents deserialize on reads; must match the options they were written with (the event serializer's).</summary>
    public JsonSerializerOptions JsonOptions { get; init; } = EventSerializer.DefaultOptions;

    /// <summary>The clock that stamps generation changes.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
