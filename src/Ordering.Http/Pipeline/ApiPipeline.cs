using System.Security.Cryptography;
using System.Text;
using EventSourcing.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ordering.Http.Pipeline;

/// <summary>Limits and windows of the HTTP API.</summary>
public sealed record ApiOptions(long MaxBodyBytes = 256 * 1024, TimeSpan? IdempotencyWindow = null)
{
    public TimeSpan Window => IdempotencyWindow ?? TimeSpan.FromHours(24);
}

/// <summary>
/// Every rule API.md sets for all endpoints, in one place both hosts call: correlation, body limit and
/// media type, If-Match, Idempotency-Key replay, and errors as problem details. Endpoints only decide.
/// </summary>
public sealed partial class ApiPipeline(IIdempotencyStore idempotency, ApiOptions options, TimeProvider time, ILogger<ApiPipeline> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Runs a write endpoint.</summary>
    public async Task<IResult> CommandAsync(HttpRequest request, Func<CommandRequest, CancellationToken, Task<ApiResponse>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var cancellation = request.HttpContext.RequestAborted;
        var correlation = Correlation.Establish(request.HttpContext);
        byte[] body;
        try
        {
            body = await RequestBody.ReadAsync(request, options.MaxBodyBytes, cancellation);
        }
        catch (Exception e) when (e is PayloadTooLargeException or UnsupportedMediaTypeException)
        {
            return ApiResult.From(Problems.From(e, callerGaveVersion: false));
        }

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var command = new CommandRequest(body, null, correlation, request.HttpContext.TraceIdentifier, key.Length > 0 ? key : null);
        if (command.IdempotencyKey is null) return ApiResult.From(await RunAsync(request, command, endpoint, cancellation));

        var hash = RequestHash(request, body);
        var now = time.GetUtcNow();
        if (await idempotency.FindAsync(key, now - options.Window, cancellation) is { } first)
            return Replay(first, hash, key, request.HttpContext);

        var response = await RunAsync(request, command, endpoint, cancellation);
        if (response.StatusCode >= 500) return ApiResult.From(response); // a failure is not an answer worth replaying
        var kept = await idempotency.SaveAsync(
            new IdempotentResponse(key, hash, response.StatusCode, response.ContentType, response.SerializeBody(), response.Headers ?? new Dictionary<string, string>(), now),
            now - options.Window, cancellation);
        return Replay(kept, hash, key, request.HttpContext, replayed: kept.RequestHash != hash || kept.CreatedAt != now);
    }

    /// <summary>Runs a read endpoint: correlation and problem details only.</summary>
    public async Task<IResult> QueryAsync(HttpRequest request, Func<CancellationToken, Task<ApiResponse>> endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        Correlation.Establish(request.HttpContext);
        try
        {
            return ApiResult.From(await endpoint(request.HttpContext.RequestAborted));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ApiResult.From(Fail(e, callerGaveVersion: false));
        }
    }

    private async Task<ApiResponse> RunAsync(
        HttpRequest request, CommandRequest command, Func<CommandRequest, CancellationToken, Task<ApiResponse>> endpoint, CancellationToken cancellation)
    {
        try
        {
            command = command with { ExpectedVersion = ETag.ExpectedFrom(request) };
            return await endpoint(command, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fail(e, command.ExpectedVersion is not null);
        }
    }

    private ApiResponse Fail(Exception error, bool callerGaveVersion)
    {
        var response = Problems.From(error, callerGaveVersion);
        if (response.StatusCode >= 500) LogUnhandled(logger, error);
        return response;
    }

    private static ApiResult Replay(IdempotentResponse first, string hash, string key, HttpContext context, bool replayed = true)
    {
        if (first.RequestHash != hash)
            return ApiResult.From(Problems.From(new IdempotencyKeyReusedException(key), callerGaveVersion: false));
        if (replayed) context.Response.Headers["Idempotent-Replayed"] = "true";
        return new ApiResult(first.StatusCode, first.ContentType, first.Body, first.Headers);
    }

    // The same key must come with the same request: method, path, query, If-Match and body.
    private static string RequestHash(HttpRequest request, byte[] body)
    {
        var head = Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n{request.Headers.IfMatch}\n");
        return Convert.ToHexString(SHA256.HashData([.. head, .. body]));
    }

    [LoggerMessage(LogLevel.Error, "Unhandled error in an API endpoint")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
