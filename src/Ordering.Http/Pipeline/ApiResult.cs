using Microsoft.AspNetCore.Http;

namespace Ordering.Http.Pipeline;

/// <summary>Writes an <see cref="ApiResponse"/> (or a replayed one) to the response; works in any ASP.NET Core-based host.</summary>
public sealed class ApiResult(int statusCode, string? contentType, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string>? headers) : IResult
{
    public static ApiResult From(ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.StatusCode, response.ContentType, response.SerializeBody(), response.Headers);
    }

    public int StatusCode => statusCode;

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
