namespace EventSourcing.Http.Pipeline;

/// <summary>404 for a resource the read side does not know.</summary>
/// <param name="message">What was not found, for the caller (the problem's detail).</param>
public sealed class NotFoundException(string message) : Exception(message);
