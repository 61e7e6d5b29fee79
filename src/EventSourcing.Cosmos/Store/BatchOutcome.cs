using System.Net;

namespace EventSourcing.Cosmos.Store;

/// <summary>How a transactional batch of an append ended.</summary>
internal enum BatchOutcome
{
    Committed,

    /// <summary>Another writer got there first (the commit id exists, the tip exists or its ETag moved): read again and decide again.</summary>
    Conflict,

    /// <summary>
    /// The service may have committed the batch without saying so (a timeout, 449, 500 or 503): only looking again can
    /// tell, and the service just failed to answer.
    /// </summary>
    Unknown,

    /// <summary>Refused (throttled, too large, malformed, forbidden): nothing was written, and retrying the same batch will not help.</summary>
    Failed,
}

internal static class BatchOutcomes
{
    /// <summary>
    /// Classifies a batch response. The failing operation carries the real status; the others report 424
    /// (failed dependency), so the first status that is not 424 is the cause.
    /// </summary>
    public static (BatchOutcome Outcome, HttpStatusCode Cause) Classify(HttpStatusCode batch, IEnumerable<HttpStatusCode> operations)
    {
        if ((int)batch is >= 200 and < 300) return (BatchOutcome.Committed, batch);
        if (IsAmbiguous(batch)) return (BatchOutcome.Unknown, batch);
        var cause = operations.Cast<HttpStatusCode?>().FirstOrDefault(s => s != HttpStatusCode.FailedDependency) ?? batch;
        return cause switch
        {
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound => (BatchOutcome.Conflict, cause),
            _ when IsAmbiguous(cause) => (BatchOutcome.Unknown, cause),
            _ => (BatchOutcome.Failed, cause),
        };
    }

    /// <summary>
    /// Statuses after which a write may or may not have happened: 408 (timed out), 449 (retry with), 500 and 503. A 429
    /// is not among them: a throttled request was not run.
    /// </summary>
    public static bool IsAmbiguous(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable || (int)status == 449;
}
