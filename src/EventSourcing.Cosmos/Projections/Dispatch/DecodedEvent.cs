using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Store;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Projections.Dispatch;

/// <summary>An event decoded once for the whole batch.</summary>
internal sealed record DecodedEvent(RecordedEvent Recorded, object? Event, string? Error, bool Ignored)
{
    public static DecodedEvent Decode(EventSerializer serializer, ILogger logger, RecordedEvent recorded)
    {
        // Other streams (saga history, foreign types) share the container; what the type map does not know is not ours.
        if (!serializer.TypeMap.IsKnown(recorded.Type)) return new(recorded, null, null, Ignored: true);
        try
        {
            return new(recorded, serializer.Deserialize(recorded), null, Ignored: false);
        }
#pragma warning disable CA1031 // A event that cannot be decoded is poison: parked, not thrown.
        catch (Exception e)
        {
            return new(recorded, null, ApplyFailures.Describe(logger, e, "(decoding)", recorded), Ignored: false);
        }
#pragma warning restore CA1031
    }

    public ProjectionEvent For(IProjection projection, ILogger logger)
    {
        if (Ignored || Error is not null) return new(Recorded, Event, null, Error, Ignored);
        try
        {
            return new(Recorded, Event, projection.KeyOf(Event!, Recorded), null, false);
        }
#pragma warning disable CA1031
        catch (Exception e)
        {
            return new(Recorded, Event, null, ApplyFailures.Describe(logger, e, projection.Name, Recorded), false);
        }
#pragma warning restore CA1031
    }
}
