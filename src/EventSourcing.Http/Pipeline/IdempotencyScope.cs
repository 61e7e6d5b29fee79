using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// An Idempotency-Key as the server keeps it: the client's key scoped to the caller (a hash of its credential, never
/// the credential), the method and the route, as Stripe and the IETF Idempotency-Key draft do; and what is asked.
/// </summary>
internal sealed record IdempotencyScope(string Key, string RequestHash)
{
    public static IdempotencyScope Of(HttpRequest request, CallerCredential caller, string clientKey, byte[] body)
    {
        var credential = caller.Of(request);
        var callerId = credential is null ? "anonymous" : Hash(credential)[..32];
        return new($"{callerId} {request.Method} {request.Path}|{clientKey}", HashOf(request, body));
    }

    /// <summary>
    /// The key the command derives its event ids (and a new order's id) from: the scoped key with what is asked, so the
    /// same request sent again is recognised by the store even after the window, and a new request with an old key
    /// (after the window) runs as new instead of colliding with what the key did before.
    /// </summary>
    public string CommandKey => Hash($"{Key}\n{RequestHash}");

    // The same key must come with the same request: method, path, query, If-Match and body.
    private static string HashOf(HttpRequest request, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n{request.Headers.IfMatch}\n");
        return Convert.ToHexString(SHA256.HashData([.. head, .. body]));
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
