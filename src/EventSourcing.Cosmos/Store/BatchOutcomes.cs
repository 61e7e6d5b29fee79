using System.Net;

namespace EventSourcing.Cosmos.Store;

/// <summary>How a batch response maps to a <see cref="BatchOutcome"/>.</summary>
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
