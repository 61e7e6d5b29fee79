using EventSourcing.Projections;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>What a dead letter says about an event that could not be decoded, keyed or applied.</summary>
internal static partial class ApplyFailures
{
    // A dead letter keeps the type and message; the stack trace goes to the log, for operators only.
    public static string Describe(ILogger logger, Exception e, string projection, RecordedEvent recorded)
    {
        LogApplyFailed(logger, e, projection, recorded.StreamId, recorded.StreamVersion);
        return DeadLetterError.Describe(e);
    }

    [LoggerMessage(LogLevel.Warning, "Projection {Projection} failed on version {Version} of {StreamId}")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string projection, string streamId, long version);
}
