using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// The correlation id of a request: X-Correlation-Id, else the W3C trace id, else a new one. It is echoed
/// in the response and stored in the metadata of every event the request causes.
/// </summary>
public static class Correlation
{
    /// <summary>The request and response header carrying the correlation id.</summary>
    public const string Header = "X-Correlation-Id";
    private const int MaxLength = 128;

    /// <summary>
    /// The request's correlation id, chosen once per request (a second call answers the same) and set on the response;
    /// a header value over 128 characters or with spaces or control characters is ignored.
    /// </summary>
    public static string Establish(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[Header] is string known) return known;
        var id = FromHeader(context.Request) ?? FromTraceParent(context.Request) ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Items[Header] = id;
        context.Response.Headers[Header] = id;
        return id;
    }

    private static string? FromHeader(HttpRequest request)
    {
        var value = request.Headers[Header].ToString().Trim();
        return value.Length is > 0 and <= MaxLength && value.All(c => c is > ' ' and < (char)127) ? value : null;
    }

    // traceparent: version-traceid-parentid-flags; the trace id ties our events to the caller's trace.
    private static string? FromTraceParent(HttpRequest request)
    {
        var parts = request.Headers.TraceParent.ToString().Split('-');
        return parts.Length == 4 && parts[1].Length == 32 && parts[1].All(Uri.IsHexDigit) ? parts[1] : null;
    }
}
