using System.Text;
using MimeKit;
using OrderConfirmationMailer.Mail;
using Ordering.Contracts.Orders;

namespace OrderConfirmationMailer.Tests;

public sealed class ConfirmationEmailTests : IDisposable
{
    private static readonly DateTimeOffset ConfirmedAt = new(2026, 12, 2, 9, 30, 5, TimeSpan.Zero);
    private static readonly OrderConfirmed Confirmed = new("o-1", "cust-7", 32.50m, "EUR", ConfirmedAt);
    private static readonly CheckoutRequested Checkout = new(
        "o-1", "cust-7", [new OrderLine("book", 2, 12.50m), new OrderLine("pen", 3, 2.50m)], 32.50m, "EUR", ConfirmedAt.AddMinutes(-1));

    private readonly string _root = Directory.CreateTempSubdirectory("mailer-mail-").FullName;
    private readonly ConfirmationEmail _email = new(new MailerOptions());

    [Fact]
    public void The_mail_has_the_headers_a_relay_needs_all_taken_from_the_events()
    {
        var eventId = Guid.NewGuid();
        var mail = RoundTrip(eventId);

        Assert.Equal(("Shop orders", "orders@shop.example"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
        Assert.Equal("cust-7@customers.shop.example", mail.To.Mailboxes.Single().Address);
        Assert.Equal("Your order o-1 is confirmed", mail.Subject);
        Assert.Equal(ConfirmedAt, mail.Date);
        Assert.Equal($"{eventId:D}@orders.shop.example", mail.MessageId);
        Assert.Equal("o-1", mail.Headers["X-Order-Id"]);
    }

    [Fact]
    public void The_body_lists_every_line_of_the_checkout_and_the_total()
    {
        var text = RoundTrip(Guid.NewGuid()).TextBody!.ReplaceLineEndings("\n");

        Assert.Contains("  2 x book at 12.50 EUR: 25.00 EUR\n  3 x pen at 2.50 EUR: 7.50 EUR\n", text, StringComparison.Ordinal);
        Assert.Contains("Total: 32.50 EUR\n", text, StringComparison.Ordinal);
        Assert.Contains("Confirmed at 2026-12-02 09:30:05 UTC.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_the_same_confirmation_again_gives_the_same_bytes_with_crlf_line_ends()
    {
        var eventId = Guid.NewGuid();
        var first = Render(eventId, Path.Combine(_root, "a"));
        var second = Render(eventId, Path.Combine(_root, "b"));

        Assert.Equal(first, second);
        var text = Encoding.ASCII.GetString(first);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private MimeMessage RoundTrip(Guid eventId) => MimeMessage.Load(new MemoryStream(Render(eventId, _root)));

    private byte[] Render(Guid eventId, string root)
    {
        var folder = new PickupFolder(Path.Combine(root, "pickup"), Path.Combine(root, "state"));
        folder.Write(eventId, _email.Compose(eventId, Confirmed, Checkout));
        return File.ReadAllBytes(folder.PathOf(eventId));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
