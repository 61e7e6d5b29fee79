using EventSourcing.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// Every rule the API sets for all endpoints, in one place every host calls: correlation, body limit and
/// media type, If-Match, Idempotency-Key reservation and replay, and errors as problem details. Endpoints only decide.
/// Registered by <see cref="EventSourcingHttp.AddEventSourcingHttp"/>.
/// </summary>
/// <param name="idempotency">Where Idempotency-Key reservations and first answers are kept.</param>
/// <param name="options">Body limit and idempotency windows.</param>
/// <param name="time">The clock of the idempotency window and the duplicate's wait.</param>
/// <param name="logger">Logs unhandled errors (answered 500) and answers that could not be kept.</param>
/// <param name="caller">Scopes idempotency keys to the caller's credential.</param>
public sealed partial class ApiPipeline(
    IIdempotencyStore idempotency, ApiOptions options, TimeProvider time, ILogger<ApiPipeline> logger, CallerCredential caller)
{
    /// <summary>The request header naming a write's idempotency key.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private readonly IdempotencyKeys _keys = new(idempotency, options, time, logger);

    /// <summary>
    /// Runs a write endpoint: reads the body (413 over the limit, 415 when not JSON), interprets If-Match and, with an
    /// Idempotency-Key, answers a repeat with the first answer instead of running <paramref name="endpoint"/> again (422
    /// for the key with another request, 409 while the first still runs). What <paramref name="endpoint"/> throws becomes
    /// problem details (<see cref="Problems"/>); a 5xx frees the key so a retry runs.
    /// </summary>
    /// <param name="request">The request, as any ASP.NET Core-based host hands it over.</param>
    /// <param name="endpoint">Decides: gets the read request, answers what to send.</param>
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
        var command = new CommandRequest(body, null, correlation, request.HttpContext.TraceIdentifier, null);
        if (key.Length == 0) return ApiResult.From(await RunAsync(request, command, endpoint, cancellation));

        var scope = IdempotencyScope.Of(request, caller, key, body);
        var now = time.GetUtcNow();
        IdempotencyReservation reservation;
        try
        {
            reservation = await _keys.ReserveAsync(scope, now, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ApiResult.From(Fail(e, callerGaveVersion: false));
        }

        switch (reservation)
        {
            case IdempotencyReservation.Completed { Response: var first }:
                return Replay(first, scope.RequestHash, key, request.HttpContext);
            case IdempotencyReservation.InProgress { RequestHash: var other } when other != scope.RequestHash:
                return ApiResult.From(Problems.From(new IdempotencyKeyReusedException(key), callerGaveVersion: false));
            case IdempotencyReservation.InProgress:
                return ApiResult.From(Problems.From(new IdempotencyKeyInProgressException(key), callerGaveVersion: false));
        }

        var token = ((IdempotencyReservation.Reserved)reservation).Token;
        var answered = false;
        try
        {
            var response = await RunAsync(request, command with { IdempotencyKey = scope.CommandKey }, endpoint, cancellation);
            // A 5xx is not an answer: the key is freed so the retry runs. Where the store could not tell whether the
            // change committed (503 outcome-unknown), the retry's events carry the same ids and are recognised.
            if (response.StatusCode >= 500) return ApiResult.From(response);
            var stored = new IdempotentResponse(
                scope.Key, scope.RequestHash, response.StatusCode, response.ContentType, response.SerializeBody(),
                response.Headers ?? new Dictionary<string, string>(), now);
            answered = await _keys.CompleteAsync(stored, token);
            return new ApiResult(stored.StatusCode, stored.ContentType, stored.Body, stored.Headers);
        }
        finally
        {
            if (!answered) await _keys.ReleaseAsync(scope.Key, token);
        }
    }

    /// <summary>Runs a read endpoint: correlation, and what <paramref name="endpoint"/> throws as problem details.</summary>
    /// <param name="request">The request, as any ASP.NET Core-based host hands it over.</param>
    /// <param name="endpoint">Reads: answers what to send.</param>
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

    private static ApiResult Replay(IdempotentResponse first, string hash, string key, HttpContext context)
    {
        if (first.RequestHash != hash)
            return ApiResult.From(Problems.From(new IdempotencyKeyReusedException(key), callerGaveVersion: false));
        context.Response.Headers["Idempotent-Replayed"] = "true";
        return new ApiResult(first.StatusCode, first.ContentType, first.Body, first.Headers);
    }

    [LoggerMessage(LogLevel.Error, "Unhandled error in an API endpoint")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
