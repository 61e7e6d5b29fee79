using System.Net;

namespace EventSourcing.Cosmos.Store;

/// <summary>How a transactional batch of an append ended.</summary>
internal enum BatchOutcome
{
    Committed,

    /// <summary>Another writer got there first (the commit id exists, the tip exists or its ETag moved): read again and decide again.</summary>
    Conflict,

    /// <summary>Anything else: nothing was written, and retrying the same batch will not help.</summary>
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
        var cause = operations.Cast<HttpStatusCode?>().FirstOrDefault(s => s != HttpStatusCode.FailedDependency) ?? batch;
        return cause is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound
            ? (BatchOutcome.Conflict, cause)
            : (BatchOutcome.Failed, cause);
    }
}
