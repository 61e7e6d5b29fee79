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
public sealed partial class CosmosFeedReader : IEventFeedReader
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

    private readonly Container _events;
    private readonly TimeProvider _time;
    private readonly CosmosCalls _calls;

    /// <param name="events">The events container (partition key <c>/streamId</c>).</param>
    public CosmosFeedReader(Container events, TimeProvider? time = null, CosmosRetryOptions? retry = null, ILogger<CosmosFeedReader>? logger = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _time = time ?? TimeProvider.System;
        _calls = CosmosCalls.Create(retry, logger);
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
            var (page, next) = await ReadPagesAsync(cursor, request.MaxCount, request.Filter, cancellationToken);
            var remaining = deadline - _time.GetUtcNow();
            if (page.Events.Count > 0 || !page.CaughtUp || remaining <= TimeSpan.Zero) return page;
            await Task.Delay(pause < remaining ? pause : remaining, _time, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPollInterval.Ticks));
            cursor = next;
        }
    }

    private async Task<(FeedPage Page, ChangeFeedCursor Next)> ReadPagesAsync(
        ChangeFeedCursor cursor, int maxCount, FeedFilter filter, CancellationToken cancellationToken)
    {
        var charge = new Charge();
        var events = new List<RecordedEvent>();
        var caughtUp = false;
        var requests = 0;
        using var iterator = Open(cursor, maxCount, filter);
        while (requests < MaxPagesPerRead && events.Count < maxCount)
        {
            requests++;
            using var response = await SendAsync(iterator, charge, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                // Every feed range answered "nothing new": the feed is caught up.
                cursor = cursor with { Continuation = response.ContinuationToken ?? cursor.Continuation, StartTicks = null };
                caughtUp = true;
                break;
            }
            if (response.StatusCode == HttpStatusCode.BadRequest && cursor.Continuation is not null)
                throw new InvalidFeedCursorException($"The cursor's change-feed position was refused ({response.ErrorMessage}): pass back a 'next' this feed returned.");
            CosmosCalls.EnsureSuccess(response, "read-feed", "events");

            var cut = ChangeFeedPageCut.Take(ChangeFeedPageCut.Commits(response.Content), cursor.Delivered ?? [], maxCount - events.Count, filter);
            events.AddRange(cut.Taken);
            // A page left part-way is read again next time, from the continuation before it.
            if (!cut.PassedPage)
            {
                cursor = cursor with { Delivered = cut.Delivered };
                break;
            }
            cursor = new ChangeFeedCursor(response.ContinuationToken, null, cut.Delivered.Count > 0 ? cut.Delivered : null);
        }
        LogFeedRead(_calls.Logger, events.Count, requests, charge.Total);
        return (new FeedPage(events, FeedCursor.Encode(StoreName, cursor), caughtUp), cursor);
    }

    /// <summary>One change-feed request; a service that is down or overloaded is the store being unavailable, not a bug.</summary>
    private async Task<ResponseMessage> SendAsync(FeedIterator iterator, Charge charge, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _calls.SendAsync("read-feed", "events", iterator.ReadNextAsync, charge, cancellationToken);
            if (CosmosFaults.IsTransient(response.StatusCode) || response.StatusCode == HttpStatusCode.InternalServerError)
            {
                using (response) CosmosCalls.EnsureSuccess(response, "read-feed", "events");
            }
            return response;
        }
        catch (Exception e) when (e switch
        {
            CosmosException c => CosmosFaults.IsTransient(c.StatusCode) || c.StatusCode == HttpStatusCode.InternalServerError,
            OperationCanceledException => !cancellationToken.IsCancellationRequested, // the SDK's own request timeout
            HttpRequestException => true,
            _ => false,
        })
        {
            throw new StoreUnavailableException($"Cosmos DB did not answer the feed read ({e.Message}).", e);
        }
    }

    private FeedIterator Open(ChangeFeedCursor cursor, int maxCount, FeedFilter filter)
    {
        var start = cursor.Continuation is { } continuation ? ChangeFeedStartFrom.ContinuationToken(continuation)
            : cursor.StartTicks is { } ticks ? ChangeFeedStartFrom.Time(new DateTime(Math.Max(ticks, 0), DateTimeKind.Utc))
            : ChangeFeedStartFrom.Beginning();
        // Documents, not events: about one commit and one tip per append, so twice the events asked for fills a request. A
        // page left part-way is read again, so pages stay that small; a filter passes most events over, so it reads big ones.
        var options = new ChangeFeedRequestOptions { PageSizeHint = filter.IsEmpty ? Math.Min(2 * maxCount, 1000) : 1000 };
        try
        {
            return _events.GetChangeFeedStreamIterator(start, ChangeFeedMode.LatestVersion, options);
        }
        catch (ArgumentException e)
        {
            throw new InvalidFeedCursorException("The cursor's change-feed position is malformed: pass back a 'next' this feed returned.", e);
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

    [LoggerMessage(LogLevel.Debug, "Feed read of {Count} events: {RequestCharge} RU in {Requests} change-feed request(s)")]
    private static partial void LogFeedRead(ILogger logger, int count, int requests, double requestCharge);
}
