namespace EventSourcing.Sqlite;

/// <summary>
/// An event id of an append violated the unique index, yet no stored event has it: the append's own failure,
/// not a storage fault, so it fails alone and the rest of its group commits.
/// </summary>
internal sealed class UnstoredEventIdClashException(string message) : InvalidOperationException(message);
