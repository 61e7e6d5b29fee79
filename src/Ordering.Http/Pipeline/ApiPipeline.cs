using EventSourcing.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ordering.Http.Pipeline;

/// <summary>Limits and windows of the HTTP API.</summary>
/// <param name="MaxBodyBytes">The largest request body accepted.</param>
/// <param name="IdempotencyWindow">How long a first response answers repeats of its Idempotency-Key (24 hours).</param>
/// <param name="IdempotencyLease">
/// How long a reserved key stays held when its request never answers (a crashed process): then a retry may run.
/// </param>
/// <param name="DuplicateWait">How long a concurrent duplicate waits for the first request's answer before 409.</param>
public sealed record ApiOptions(
    long MaxBodyBytes = 256 * 1024, TimeSpan? IdempotencyWindow = null, TimeSpan? IdempotencyLease = null, TimeSpan? DuplicateWait = null)
{
    public TimeSpan Window => IdempotencyWindow ?? TimeSpan.FromHours(24);

    public TimeSpan Lease => IdempotencyLease ?? TimeSpan.FromMinutes(2);

    public TimeSpan Wait => DuplicateWait ?? TimeSpan.FromSeconds(10);
}

/// <summary>
/// Every rule API.md sets for all endpoints, in one place both hosts call: correlation, body limit and
/// media type, If-Match, Idempotency-Key reservation and replay, and errors as problem details. Endpoints only decide.
/// </summary>
public sealed partial class ApiPipeline(
    IIdempotencyStore idempotency, ApiOptions options, TimeProvider time, ILogger<ApiPipeline> logger, CallerCredential caller)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

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
        var command = new CommandRequest(body, null, correlation, request.HttpContext.TraceIdentifier, null);
        if (key.Length == 0) return ApiResult.From(await RunAsync(request, command, endpoint, cancellation));

        var scope = IdempotencyScope.Of(request, caller, key, body);
        var now = time.GetUtcNow();
        IdempotencyReservation reservation;
        try
        {
            reservation = await ReserveAsync(new IdempotencyClaim(scope.Key, scope.RequestHash, now, now - options.Window, options.Lease), cancellation);
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
            answered = await CompleteAsync(stored, token);
            return new ApiResult(stored.StatusCode, stored.ContentType, stored.Body, stored.Headers);
        }
        finally
        {
            if (!answered) await ReleaseAsync(scope.Key, token);
        }
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

    // A duplicate of a request still running waits (bounded) for its answer; a key freed meanwhile is taken over.
    private async Task<IdempotencyReservation> ReserveAsync(IdempotencyClaim claim, CancellationToken cancellation)
    {
        var deadline = claim.Now + options.Wait;
        var poll = FirstPoll;
        while (true)
        {
            var reservation = await idempotency.ReserveAsync(claim, cancellation);
            if (reservation is not IdempotencyReservation.InProgress progress || progress.RequestHash != claim.RequestHash) return reservation;
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero) return reservation;
            await Task.Delay(poll < left ? poll : left, time, cancellation);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            claim = claim with { Now = time.GetUtcNow() };
        }
    }

    private async Task<bool> CompleteAsync(IdempotentResponse response, string token)
    {
        try
        {
            // Not the request's token: once the command ran, its answer is stored even if the client has gone.
            if (await idempotency.CompleteAsync(response, token, response.CreatedAt - options.Window, CancellationToken.None)) return true;
            LogLeaseLost(logger, response.StatusCode);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The change is made and answered; a repeat will run again and be recognised by its event ids.
            LogNotKept(logger, e);
            return false;
        }
    }

    private async Task ReleaseAsync(string key, string token)
    {
        try
        {
            await idempotency.ReleaseAsync(key, token, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The lease frees the key later.
            LogNotReleased(logger, e);
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

    [LoggerMessage(LogLevel.Warning, "An idempotent request outlasted its reservation's lease; its {Status} answer is not kept for repeats")]
    private static partial void LogLeaseLost(ILogger logger, int status);

    [LoggerMessage(LogLevel.Warning, "The answer to an idempotent request could not be kept for repeats")]
    private static partial void LogNotKept(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "The reservation of an idempotency key could not be released; it frees when its lease ends")]
    private static partial void LogNotReleased(ILogger logger, Exception exception);
}
