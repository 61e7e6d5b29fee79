namespace EventSourcing.Subscriptions;

/// <summary>
/// Thrown by a handler for an event it can never handle (it cannot be read, say): the subscription parks it at once
/// instead of trying again.
/// </summary>
public sealed class PoisonEventException(string message, Exception? inner = null) : Exception(message, inner);
