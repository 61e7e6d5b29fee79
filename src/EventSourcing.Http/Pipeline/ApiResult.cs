using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>Writes an <see cref="ApiResponse"/> (or a replayed one) to the response; works in any ASP.NET Core-based host.</summary>
/// <param name="statusCode">The HTTP status.</param>
/// <param name="contentType">The body's media type; unused without a body.</param>
/// <param name="body">The bytes written as they are.</param>
/// <param name="headers">Headers set on the response.</param>
public sealed class ApiResult(int statusCode, string? contentType, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string>? headers) : IResult
{
    /// <summary>The result writing <paramref name="response"/>, its body serialized now.</summary>
    public static ApiResult From(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.StatusCode, response.ContentType, response.SerializeBody(), response.Headers);
    }

    /// <summary>The status this result writes.</summary>
    public int StatusCode => statusCode;

    /// <summary>Writes the status, headers and body to <paramref name="httpContext"/>'s response.</summary>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) response.Headers[name] = value;
        if (body.Length == 0) return;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
