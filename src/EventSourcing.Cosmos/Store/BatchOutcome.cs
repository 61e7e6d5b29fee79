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
