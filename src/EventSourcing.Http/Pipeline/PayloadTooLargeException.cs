namespace EventSourcing.Http.Pipeline;

/// <summary>413: the body is over the limit.</summary>
/// <param name="limit">The largest body accepted, in bytes.</param>
public sealed class PayloadTooLargeException(long limit) : Exception($"The request body is over the limit of {limit} bytes.");
