using System.Diagnostics.Metrics;
using EventSourcing.Cosmos.Diagnostics;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Tests.Diagnostics;

/// <summary>Every Cosmos operation's request units reach the metric and the debug log, so cost per append is visible.</summary>
public sealed class RequestChargeTests
{
    [Fact]
    public void A_charge_is_recorded_on_the_histogram_tagged_with_its_operation_and_logged_at_debug()
    {
        var operation = $"append-{Guid.NewGuid():N}"; // other tests record charges too, in parallel
        var measured = new List<(double Value, object? Operation)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EventSourcingTelemetry.Name && instrument.Name == "eventsourcing.cosmos.request_charge") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var tag = tags.ToArray().FirstOrDefault(t => t.Key == "operation").Value;
            if (Equals(tag, operation)) lock (measured) measured.Add((value, tag));
        });
        listener.Start();
        var log = new CapturingLogger();

        var returned = RequestCharges.Record(log, operation, "order-1", 10.48);

        Assert.Equal(10.48, returned);
        Assert.Equal([(10.48, (object?)operation)], measured);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal(10.48, entry.Values["RequestCharge"]);
        Assert.Contains("order-1", entry.Message, StringComparison.Ordinal);
    }
}
