using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EventSourcing.Http.Pipeline;

/// <summary>Reads a JSON body within the size limit; anything else becomes a typed error before any work is done.</summary>
public static class RequestBody
{
    /// <summary>The raw body, at most <paramref name="limit"/> bytes.</summary>
    /// <exception cref="PayloadTooLargeException">The body is over the limit.</exception>
    /// <exception cref="UnsupportedMediaTypeException">A body that is not JSON.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit) throw new PayloadTooLargeException(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) throw new PayloadTooLargeException(limit);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > 0 && !IsJson(request.ContentType))
            throw new UnsupportedMediaTypeException(request.ContentType);
        return buffer.ToArray();
    }

    /// <summary>The body as <typeparamref name="T"/>; an empty body is not allowed.</summary>
    /// <exception cref="BadRequestException">Malformed JSON or a value of the wrong type.</exception>
    public static T Parse<T>(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0) throw new BadRequestException("body", "A JSON body is required.");
        try
        {
            return JsonSerializer.Deserialize<T>(body, ApiJson.Options) ?? throw new BadRequestException("body", "The JSON body must be an object.");
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            throw new BadRequestException(field, $"The JSON body is malformed or has a value of the wrong type ({e.Message.Split('.')[0]}).");
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
