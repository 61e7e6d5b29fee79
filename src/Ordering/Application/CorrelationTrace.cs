using System.Text.Json.Serialization;
using EventSourcing.Store;

namespace Ordering.Application;

/// <summary>One page of a correlation trace: the events carrying the id, in commit order, each as in the feed (the audit trail's envelope plus its stream).</summary>
/// <param name="Next">Pass back as <c>after</c> for the rest; null when this page ends with the last event stored now.</param>
public sealed record CorrelatedEvents(
    string CorrelationId,
    IReadOnlyList<FeedEvent> Events,
    // Written even when null: "next": null is how a client knows it has read the whole trace.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);

/// <summary>
/// Follows one business transaction across streams by its correlation id: a checkout's order, stock, payment and (on
/// the embedded saga runner) saga events, from the store's correlation index.
/// </summary>
public sealed class CorrelationTrace(ICorrelationIndex index)
{
    /// <summary>The most events one page returns, and the default.</summary>
    public const int MaxPageSize = 1000;

    public async Task<CorrelatedEvents> ReadAsync(string correlationId, string? after, int maxCount, CancellationToken cancellationToken)
    {
        var page = await index.ReadCorrelatedAsync(correlationId, after, maxCount, cancellationToken);
        return new CorrelatedEvents(correlationId, [.. page.Events.Select(FeedEvent.From)], page.Next);
    }
}
