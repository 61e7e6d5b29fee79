namespace EventSourcing.Sqlite;

/// <summary>Work queued for the single writer: an append, or something to run on its connection between commits.</summary>
internal abstract record WriterRequest;
