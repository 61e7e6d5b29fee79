namespace EventSourcing.Store;

/// <summary>Base of every error the store contract defines. Nothing was written when one is thrown.</summary>
public abstract class EventStoreException(string message, Exception? inner = null) : Exception(message, inner);
