namespace EventSourcing.Http.Pipeline;

/// <summary>415: the body is not JSON.</summary>
/// <param name="contentType">The Content-Type the request sent, if any.</param>
public sealed class UnsupportedMediaTypeException(string? contentType)
    : Exception($"The request body must be application/json, not '{contentType ?? "(none)"}'.");
