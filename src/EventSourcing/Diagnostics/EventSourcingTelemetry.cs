using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EventSourcing.Diagnostics;

/// <summary>The activity source and meter of the event-sourcing core, for OpenTelemetry to subscribe to.</summary>
public static class EventSourcingTelemetry
{
    /// <summary>Name of both the activity source and the meter.</summary>
    public const string Name = "EventSourcing";

    /// <summary>Spans for appends, reads and command handling.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter all of the core's instruments belong to.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Time from calling append to its durable acknowledgement, in milliseconds.</summary>
    public static Histogram<double> AppendDuration { get; } =
        Meter.CreateHistogram<double>("eventsourcing.append.duration", "ms", "Time to append events durably.");

    /// <summary>Events appended.</summary>
    public static Counter<long> EventsAppended { get; } =
        Meter.CreateCounter<long>("eventsourcing.events.appended", "{event}", "Events appended.");
}
