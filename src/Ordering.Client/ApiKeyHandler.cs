namespace Ordering.Client;

/// <summary>
/// Sends the caller's key with every request, as the document's security schemes say: the local host's
/// <c>X-Api-Key</c> (<see cref="ForLocalHost"/>) or an Azure Functions function key (<see cref="ForFunctions"/>).
/// Put it in the <see cref="HttpClient"/> the <see cref="OrderingApiClient"/> is given.
/// </summary>
public sealed class ApiKeyHandler : DelegatingHandler
{
    private readonly string _header;
    private readonly string _key;

    private ApiKeyHandler(string header, string key, HttpMessageHandler? inner)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        (_header, _key) = (header, key);
        if (inner is not null) InnerHandler = inner;
    }

    /// <summary>The local host's key (its <c>Auth:ApiKey</c>, or one of <c>Auth:ApiKeys</c>), sent as <c>X-Api-Key</c>.</summary>
    /// <param name="inner">The handler that sends the request; leave it null when an HttpClient factory chains the handlers.</param>
    public static ApiKeyHandler ForLocalHost(string key, HttpMessageHandler? inner = null) => new("X-Api-Key", key, inner);

    /// <summary>An Azure Functions function key, sent as <c>x-functions-key</c>.</summary>
    /// <param name="inner">The handler that sends the request; leave it null when an HttpClient factory chains the handlers.</param>
    public static ApiKeyHandler ForFunctions(string key, HttpMessageHandler? inner = null) => new("x-functions-key", key, inner);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(_header);
        request.Headers.Add(_header, _key);
        return base.SendAsync(request, cancellationToken);
    }
}
