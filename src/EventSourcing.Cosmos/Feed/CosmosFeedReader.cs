using System.Net;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Store;
using EventSourcing.Feed;
using EventSourcing.Store;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Cosmos.Feed;

/// <summary>
/// The feed over Cosmos DB: the change feed of the events container, read across every feed range with one
/// continuation (LatestVersion mode), commit documents only (tips and snapshots are skipped). Each stream is one
/// partition, so its events come in version order; across streams the order is the change feed's. A long poll reads
/// the change feed again with a growing pause (up to <see cref="MaxPollInterval"/>) until an event comes or the wait ends.
/// </summary>
public sealed class CosmosFeedReader : IEventFeedReader
{
    /// <summary>The name cursors of this feed carry.</summary>
    public const string StoreName = "cosmos";

    /// <summary>Change-feed pages one request reads at most, so a filter that matches little still answers soon.</summary>
    public const int MaxPagesPerRead = 10;

    /// <summary>The longest pause between two polls of a waiting request.</summary>
    public static TimeSpan MaxPollInterval { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How much earlier than <c>since</c> the change feed is started: its start time is the service's clock, commit
    /// timestamps the writer's, so a writer's clock ahead by less than this loses nothing; the filter drops the rest.
    /// </summary>
    public static TimeSpan ClockSkewMargin { get; } = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time;
    private readonly ChangeFeedPageReader _pages;

    /// <param name="events">The events container (partition key <c>/streamId</c>).</param>
    public CosmosFeedReader(Container events, TimeProvider? time = null, CosmosRetryOptions? retry = null, ILogger<CosmosFeedReader>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        _time = time ?? TimeProvider.System;
        _pages = new ChangeFeedPageReader(events, CosmosCalls.Create(retry, logger));
    }

    /// <inheritdoc />
    public async Task<FeedPage> ReadAsync(FeedRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var cursor = request.After is { } after ? Decode(after)
            : new ChangeFeedCursor(null, StartTicks(request.Filter.Since), null);

        var deadline = _time.GetUtcNow() + request.Wait;
        var pause = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var (page, next) = await _pages.ReadAsync(cursor, request.MaxCount, request.Filter, cancellationToken);
            var remaining = deadline - _time.GetUtcNow();
            if (page.Events.Count > 0 || !page.CaughtUp || remaining <= TimeSpan.Zero) return page;
            await Task.Delay(pause < remaining ? pause : remaining, _time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPollInterval.Ticks));
            cursor = next;
        }
    }

    /// <summary>Where the change feed starts for <c>since</c> (a margin earlier); null from the beginning.</summary>
    private static long? StartTicks(DateTimeOffset? since) =>
        since is { } instant && instant.UtcTicks > ClockSkewMargin.Ticks ? instant.UtcTicks - ClockSkewMargin.Ticks : null;

    private static ChangeFeedCursor Decode(string after)
    {
        var cursor = FeedCursor.Decode<ChangeFeedCursor>(after, StoreName);
        var delivered = cursor.Delivered ?? [];
        if ((cursor.Continuation is null && cursor.StartTicks is < 0) || delivered.Count > ChangeFeedCursor.MaxDelivered
            || delivered.Any(d => d is null || d.Count < 1 || string.IsNullOrEmpty(d.Hash)))
            throw new InvalidFeedCursorException("The cursor is malformed: pass back a 'next' this feed returned.");
        return cursor;
    }
}
