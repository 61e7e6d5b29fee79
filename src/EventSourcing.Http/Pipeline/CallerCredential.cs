using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// The credential a host authenticated a request with (the local host's API key, a function key in Azure), or null
/// when the host runs open. Idempotency keys are scoped by a hash of it, so callers never see each other's answers.
/// </summary>
/// <param name="read">Reads the request's credential (a header's value); null or empty when it has none.</param>
public sealed class CallerCredential(Func<HttpRequest, string?> read)
{
    /// <summary>No authentication: every request is the same caller.</summary>
    public static CallerCredential None { get; } = new(_ => null);

    /// <summary>The credential <paramref name="request"/> carries, or null.</summary>
    public string? Of(HttpRequest request) => read(request) is { Length: > 0 } credential ? credential : null;
}
