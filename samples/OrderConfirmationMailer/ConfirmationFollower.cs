using EventSourcing.Serialization;
using Microsoft.Extensions.Options;
using OrderConfirmationMailer.Checkpoints;
using OrderConfirmationMailer.Feed;
using OrderConfirmationMailer.Mail;
using Ordering.Contracts.Orders;

namespace OrderConfirmationMailer;

/// <summary>
/// Handles one page of the feed at a time: a mail for every OrderConfirmed on it, then the checkpoint. The order
/// matters: a crash after the mails and before the checkpoint repeats the page, whose mails are then found written;
/// the other way round a crash would skip them.
/// </summary>
internal sealed partial class ConfirmationFollower(
    BackendClient backend,
    EventSerializer serializer,
    FileCheckpoint checkpoint,
    PickupFolder pickup,
    ConfirmationEmail email,
    IOptions<MailerOptions> options,
    ILogger<ConfirmationFollower> logger)
{
    /// <summary>Where the last run stopped: null before the first page was handled.</summary>
    public string? LoadCursor() => checkpoint.Load();

    /// <summary>Handles the page after <paramref name="cursor"/> (waiting for one if nothing is new) and returns the next cursor.</summary>
    public async Task<string> FollowAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await backend.ReadFeedAsync(cursor, options.Value.PageSize, options.Value.WaitSeconds, cancellationToken);
        foreach (var feedEvent in page.Events)
        {
            // The feed is asked for OrderConfirmed only; a backend that ignored the filter must not get other events mailed.
            if (feedEvent.Type != BackendClient.OrderConfirmedType || pickup.Holds(feedEvent.EventId)) continue;
            var streamId = feedEvent.StreamId ?? throw new BackendRefusedException($"The feed's event {feedEvent.EventId} names no stream.");
            var confirmed = (OrderConfirmed)serializer.Deserialize(feedEvent.ToRecorded(streamId));
            var checkout = await backend.CheckoutBeforeAsync(streamId, feedEvent.Version, cancellationToken);
            if (checkout is null) ConfirmedWithoutCheckout(confirmed.OrderId, streamId);
            if (pickup.Write(feedEvent.EventId, email.Compose(feedEvent.EventId, confirmed, checkout))) Wrote(confirmed.OrderId, feedEvent.EventId);
        }
        if (page.Next != cursor)
        {
            checkpoint.Save(page.Next);
            pickup.Forget(page.Events.Select(e => e.EventId));
        }
        return page.Next;
    }

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} was confirmed without a checkout in {StreamId}: its mail lists no lines")]
    private partial void ConfirmedWithoutCheckout(string orderId, string streamId);

    [LoggerMessage(LogLevel.Information, "Wrote the confirmation of order {OrderId} ({EventId}.eml)")]
    private partial void Wrote(string orderId, Guid eventId);
}
