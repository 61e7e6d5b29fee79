using System.Diagnostics;
using System.Diagnostics.Metrics;
using EventSourcing.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Diagnostics;

/// <summary>
/// Request units of every Cosmos operation: a histogram on the core's meter (tagged with the operation) and a
/// debug log line, so the cost of each append and each projected event is visible.
/// </summary>
public static partial class RequestCharges
{
    /// <summary>Request units per Cosmos operation.</summary>
    public static Histogram<double> Histogram { get; } = EventSourcingTelemetry.Meter.CreateHistogram<double>(
        "eventsourcing.cosmos.request_charge", "{RU}", "Request units charged per Cosmos operation.");

    /// <summary>Records one operation's charge and returns it, so callers can add up a total.</summary>
    public static double Record(ILogger logger, string operation, string? target, double requestCharge)
    {
        Histogram.Record(requestCharge, new KeyValuePair<string, object?>("operation", operation));
        if (logger is not null) LogCharge(logger, operation, target ?? "", requestCharge);
        return requestCharge;
    }

    /// <summary>Tags the current activity (the append span) with the total.</summary>
    public static void Tag(double total) => Activity.Current?.SetTag("db.cosmosdb.request_charge", total);

    [LoggerMessage(LogLevel.Debug, "Cosmos {Operation} {Target}: {RequestCharge} RU")]
    private static partial void LogCharge(ILogger logger, string operation, string target, double requestCharge);
}
