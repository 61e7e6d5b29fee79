using System.Security.Cryptography;
using System.Text;
using EventSourcing.Http.Pipeline;

namespace Ordering.LocalHost;

/// <summary>
/// When an API key is set (<c>Auth:ApiKey</c>, or several in <c>Auth:ApiKeys</c>, one per client), every request needs
/// one of them in X-Api-Key, reads included: streams, dead letters and sagas hold what operators alone should see.
/// Only what probes, client generators and the console's page load need stays open. Unset means open, which is why
/// the host binds to loopback by default.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string Header = "X-Api-Key";

    private static readonly PathString[] OpenPaths = ["/api/health", "/api/openapi.json", "/api/catalog", "/console"];

    /// <summary>The caller's credential for scoping idempotency keys: the API key it was let in with.</summary>
    public static CallerCredential Credential(IConfiguration configuration) =>
        new(request => Keys(configuration).Count > 0 ? request.Headers[Header].ToString() : null);

    public async Task InvokeAsync(HttpContext context)
    {
        var keys = Keys(configuration);
        if (keys.Count == 0 || IsOpen(context.Request) || Matches(keys, context.Request.Headers[Header].ToString()))
        {
            await next(context);
            return;
        }
        Correlation.Establish(context);
        await ApiResult.From(ApiResponse.Problem(401, "Unauthorized", $"Send the API key in the {Header} header.", "api-key-required")).ExecuteAsync(context);
    }

    private static List<string> Keys(IConfiguration configuration) =>
    [
        .. new[] { configuration["Auth:ApiKey"] }.Concat(configuration.GetSection("Auth:ApiKeys").Get<string[]>() ?? [])
            .OfType<string>().Where(k => k.Length > 0),
    ];

    private static bool IsOpen(HttpRequest request) => IsOpen(request.Method, request.Path);

    /// <summary>Whether a request needs no key: reads of what probes, client generators and the console's page load fetch.</summary>
    public static bool IsOpen(string method, PathString path) =>
        (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        && (path == "/" || OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase)));

    private static bool Matches(List<string> keys, string presented)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var matched = false;
        // Every key is compared, in constant time, so timing tells nothing about which one came close.
        foreach (var key in keys) matched |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return matched;
    }
}
