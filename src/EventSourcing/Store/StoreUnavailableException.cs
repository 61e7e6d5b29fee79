namespace EventSourcing.Store;

/// <summary>
/// The store failed to write (a full or failing disk, a broken connection) and knows the append was not committed.
/// A retry may succeed once the fault is gone; <see cref="Exception.InnerException"/> holds the storage error.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null)
    : EventStoreException(message, inner);
