using EventSourcing.Deciders;
using EventSourcing.Feed;
using EventSourcing.Projections;
using EventSourcing.Store;

namespace EventSourcing.Http.Pipeline;

/// <summary>
/// Maps the typed errors of every layer to problem details; anything unknown is a 500 that reveals nothing. A detail says
/// "nothing was changed" only where that is known.
/// </summary>
public static class Problems
{
    /// <summary>The problem details <paramref name="error"/> is answered with.</summary>
    /// <param name="error">What an endpoint (or the pipeline) threw.</param>
    /// <param name="callerGaveVersion">
    /// Whether the request sent If-Match: then a version conflict is the caller's stale read (412), otherwise a concurrent change (409).
    /// </param>
    public static ApiResponse From(Exception error, bool callerGaveVersion) => error switch
    {
        BadRequestException e => ApiResponse.Problem(400, "Invalid request", e.Message, "invalid-request",
            new Dictionary<string, string[]> { [e.Field] = [e.Message] }),
        CommandValidationException e => ApiResponse.Problem(400, "Invalid request", e.Message, "invalid-request", e.Errors),
        InvalidStreamIdException e => ApiResponse.Problem(400, "Invalid identifier", e.Message, "invalid-id",
            new Dictionary<string, string[]> { ["id"] = [e.Reason] }),
        DomainRuleViolationException e when e.Code.EndsWith("-not-found", StringComparison.Ordinal) =>
            ApiResponse.Problem(404, "Not found", e.Message, e.Code),
        DomainRuleViolationException e => ApiResponse.Problem(409, "Conflict with the current state", e.Message, e.Code),
        InvalidContinuationTokenException e => ApiResponse.Problem(400, "Invalid request", e.Message, "invalid-request",
            new Dictionary<string, string[]> { ["continuationToken"] = [e.Message] }),
        InvalidFeedCursorException e => ApiResponse.Problem(400, "Invalid request", e.Message, "invalid-request",
            new Dictionary<string, string[]> { ["after"] = [e.Message] }),
        StreamNotFoundException e => ApiResponse.Problem(404, "Not found", e.Message, "not-found"),
        NotFoundException e => ApiResponse.Problem(404, "Not found", e.Message, "not-found"),
        KeyNotFoundException e => ApiResponse.Problem(404, "Not found", e.Message, "not-found"),
        WrongExpectedVersionException e when callerGaveVersion =>
            ApiResponse.Problem(412, "Precondition failed", $"The resource is at version {e.Actual}, not {e.Expected}.", "stale-version"),
        WrongExpectedVersionException e => ApiResponse.Problem(409, "Concurrent change", e.Message, "concurrent-change"),
        IdempotencyKeyReusedException e => ApiResponse.Problem(422, "Idempotency key reused", e.Message, "idempotency-key-reused"),
        IdempotencyKeyInProgressException e => ApiResponse.Problem(409, "Request in progress", e.Message, "idempotency-in-progress"),
        PayloadTooLargeException e => ApiResponse.Problem(413, "Payload too large", e.Message, "payload-too-large"),
        AppendTooLargeException e => ApiResponse.Problem(413, "Payload too large", e.Message, "payload-too-large"),
        UnsupportedMediaTypeException e => ApiResponse.Problem(415, "Unsupported media type", e.Message, "unsupported-media-type"),
        // An operation this store cannot do (a rebuild on Cosmos): says so instead of hiding behind a 500.
        NotSupportedException e => ApiResponse.Problem(501, "Not implemented on this store", e.Message, "not-supported"),
        StoreUnavailableException e => ApiResponse.Problem(503, "Store unavailable",
            $"{e.Message} Nothing was changed; retry later with the same Idempotency-Key.", "store-unavailable"),
        AppendOutcomeUnknownException => ApiResponse.Problem(503, "Outcome unknown",
            "The store could not tell whether the change was saved. Retry with the same Idempotency-Key: a change that was saved is recognised, not made twice.",
            "outcome-unknown"),
        // Unknown means unknown: the failure may have come after the change was saved.
        _ => ApiResponse.Problem(500, "Internal error",
            "The server failed to handle the request; whether the change was saved is not known. Retry with the same Idempotency-Key: a change that was saved is recognised, not made twice.",
            "internal-error"),
    };
}
