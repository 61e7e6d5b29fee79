using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ordering.LocalHost.Tests.Process;
using Ordering.LocalHost.Tests.Support;

namespace OrderConfirmationMailer.Tests.EndToEnd;

/// <summary>
/// The mailer and the backend as a user runs them: two processes, orders checked out and paid over HTTP, the mailer
/// killed without warning and started again, and an SMTP pickup service emptying the folder as it goes.
/// </summary>
public sealed class MailerEndToEndTests : IDisposable
{
    private const string ApiKey = "mailer-e2e-key";

    private readonly string _root = Directory.CreateTempSubdirectory("mailer-e2e-").FullName;

    private string PickupDirectory => Path.Combine(_root, "pickup");

    private string StateDirectory => Path.Combine(_root, "state");

    [Fact]
    public async Task Every_confirmed_order_gets_exactly_one_mail_also_when_the_mailer_is_killed_mid_way_and_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await LocalHostProcess.StartAsync(Path.Combine(_root, "data"), ct, new Dictionary<string, string> { ["Auth__ApiKey"] = ApiKey });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var driver = new CheckoutDriver(client);
        var sku = await driver.GivenStock(1000);

        // Given orders confirmed before the mailer starts, and one whose payment failed
        var confirmed = await ConfirmOrders(driver, client, sku, count: 12);
        var declined = await driver.GivenOrder((sku, 1));
        var declinedSaga = await driver.CheckoutAwaitingPayment(declined);
        await client.Post($"/api/payments/{declined}/fail", new { reason = "card declined" });
        Assert.Equal("Compensated", (await driver.Finished(declinedSaga)).Value<string>("status"));

        var smtp = new SmtpPickupService(PickupDirectory);
        var settings = new Dictionary<string, string>
        {
            ["BackendUrl"] = host.BaseAddress.ToString(),
            ["ApiKey"] = ApiKey,
            ["PickupDirectory"] = PickupDirectory,
            ["StateDirectory"] = StateDirectory,
            ["RetryDelay"] = "00:00:00.200",
            ["MaxRetryDelay"] = "00:00:02",
        };

        // When the mailer is killed as soon as its first mail is out
        string firstOutput;
        await using (var first = MailerProcess.Start(settings))
        {
            await Wait.Until(() => smtp.Sweep().Count > 0 || first.HasExited, () => $"no mail came out:\n{first.Output}");
            await first.KillAsync();
            firstOutput = first.Output;
            Assert.True(smtp.Sent.Count > 0, $"the mailer ended before writing a mail:\n{firstOutput}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{smtp.Sweep().Count} of {confirmed.Count} mails were out when the mailer was killed");

        // and more orders are confirmed while it is down
        confirmed.AddRange(await ConfirmOrders(driver, client, sku, count: 3));

        // Then the restarted mailer catches up: its checkpoint covers every confirmation and each mail went out once
        await using var second = MailerProcess.Start(settings);
        await Wait.Until(
            async () =>
            {
                Assert.False(second.HasExited, $"the restarted mailer ended:\n{second.Output}");
                return smtp.Sweep().Count >= confirmed.Count && await CheckpointCoversEveryConfirmation(client);
            },
            () => $"{smtp.Sent.Count} of {confirmed.Count} mails are out, missing "
                + string.Join(", ", confirmed.Select(c => $"{c.EventId:D}.eml").Except(smtp.Sent.Select(s => s.FileName)))
                + $"\nfirst run:\n{firstOutput}\nsecond run:\n{second.Output}");
        var sent = smtp.Sweep();

        var twice = sent.GroupBy(s => s.FileName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"sent more than once: {string.Join(", ", twice)}\nfirst run:\n{firstOutput}\nsecond run:\n{second.Output}");
        Assert.Equal(
            confirmed.Select(c => $"{c.EventId:D}.eml").Order(StringComparer.Ordinal),
            sent.Select(s => s.FileName).Order(StringComparer.Ordinal));
        foreach (var order in confirmed)
        {
            var mail = sent.Single(s => s.FileName == $"{order.EventId:D}.eml").Message;
            Assert.Equal($"{order.EventId:D}@orders.shop.example", mail.MessageId);
            Assert.Equal($"{order.CustomerId}@customers.shop.example", mail.To.Mailboxes.Single().Address);
            Assert.Equal($"Your order {order.OrderId} is confirmed", mail.Subject);
            Assert.Equal(order.ConfirmedAt.ToUnixTimeSeconds(), mail.Date.ToUnixTimeSeconds());
            var text = mail.TextBody!.ReplaceLineEndings("\n");
            Assert.Contains($"  2 x {sku} at 10.00 {order.Currency}: 20.00 {order.Currency}\n", text, StringComparison.Ordinal);
            Assert.Contains($"Total: 20.00 {order.Currency}\n", text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(sent, s => s.Message.Subject!.Contains(declined, StringComparison.Ordinal));
    }

    /// <summary>Checks out and pays <paramref name="count"/> orders of two of <paramref name="sku"/> each; returns their OrderConfirmed events.</summary>
    private static async Task<List<Confirmation>> ConfirmOrders(CheckoutDriver driver, HttpClient client, string sku, int count)
    {
        var confirmations = new List<Confirmation>();
        for (var i = 0; i < count; i++)
        {
            var orderId = await driver.GivenOrder((sku, 2));
            var saga = await driver.CheckoutAwaitingPayment(orderId);
            Assert.Equal(HttpStatusCode.Accepted, (await client.Post($"/api/payments/{orderId}/confirm", new { amount = 20m })).StatusCode);
            Assert.Equal("Completed", (await driver.Finished(saga)).Value<string>("status"));
            var trail = await (await client.Get($"/api/streams/order-{orderId}/events")).Json();
            var confirmedEvent = trail["events"]!.AsArray().Single(e => e.Value<string>("type") == "OrderConfirmed")!;
            confirmations.Add(new Confirmation(
                confirmedEvent.Value<Guid>("eventId"),
                orderId,
                confirmedEvent.Value<string>("data.customerId"),
                confirmedEvent.Value<string>("data.currency"),
                confirmedEvent.Value<DateTimeOffset>("data.confirmedAt")));
        }
        return confirmations;
    }

    /// <summary>Whether the feed has no OrderConfirmed after the mailer's saved cursor: every mail it owes is written.</summary>
    private async Task<bool> CheckpointCoversEveryConfirmation(HttpClient client)
    {
        var path = Path.Combine(StateDirectory, "checkpoint.json");
        if (!File.Exists(path)) return false;
        var cursor = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Value<string>("cursor");
        var page = await (await client.Get($"/api/events?types=OrderConfirmed&after={Uri.EscapeDataString(cursor)}")).Json();
        return page["events"]!.AsArray().Count == 0;
    }

    private sealed record Confirmation(Guid EventId, string OrderId, string CustomerId, string Currency, DateTimeOffset ConfirmedAt);

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
