using System.Globalization;
using System.Text;
using MimeKit;
using Ordering.Contracts.Orders;

namespace OrderConfirmationMailer.Mail;

/// <summary>
/// The confirmation mail for one OrderConfirmed. Everything in it comes from the events (the Date is when the order
/// was confirmed, the Message-ID is the event's id), so writing it again gives the same bytes.
/// </summary>
internal sealed class ConfirmationEmail(MailerOptions options)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.From);

    /// <param name="eventId">The OrderConfirmed event's id.</param>
    /// <param name="confirmed">What was confirmed.</param>
    /// <param name="checkout">The checkout it confirms, for the lines; null if the order's stream has none.</param>
    public MimeMessage Compose(Guid eventId, OrderConfirmed confirmed, CheckoutRequested? checkout)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        var message = new MimeMessage { Subject = $"Your order {confirmed.OrderId} is confirmed", Date = confirmed.ConfirmedAt };
        message.MessageId = $"{eventId:D}@{options.MessageIdDomain}";
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(options.RecipientAddress.Replace("{customerId}", confirmed.CustomerId, StringComparison.Ordinal)));
        message.Headers.Add("X-Order-Id", confirmed.OrderId);
        message.Body = new TextPart("plain")
        {
            Text = Body(confirmed, checkout),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        return message;
    }

    private static string Body(OrderConfirmed confirmed, CheckoutRequested? checkout)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Thank you for your order {confirmed.OrderId}.\n")
            .Append("Your payment has arrived and your order is confirmed.\n\n");
        foreach (var line in checkout?.Lines ?? [])
            text.Append(CultureInfo.InvariantCulture, $"  {line.Quantity} x {line.Sku} at {Money(line.UnitPrice, confirmed.Currency)}: {Money(line.Amount, confirmed.Currency)}\n");
        return text
            .Append(CultureInfo.InvariantCulture, $"\nTotal: {Money(confirmed.Total, confirmed.Currency)}\n")
            .Append(CultureInfo.InvariantCulture, $"Confirmed at {confirmed.ConfirmedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.\n")
            .ToString();
    }

    private static string Money(decimal amount, string currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");
}
