namespace EventSourcing.Cosmos.Projections;

/// <summary>The store refused a read-model document (e.g. over the size limit); the event that produced it is parked.</summary>
public sealed class ReadModelRejectedException(string message, Exception? inner = null) : Exception(message, inner);
