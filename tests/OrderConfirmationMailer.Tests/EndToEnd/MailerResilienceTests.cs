using System.Net;
using Ordering.LocalHost.Tests.Process;
using Ordering.LocalHost.Tests.Support;

namespace OrderConfirmationMailer.Tests.EndToEnd;

/// <summary>The mailer as a process when the backend is not there yet, and when it refuses the mailer's key.</summary>
public sealed class MailerResilienceTests : IDisposable
{
    private const string ApiKey = "mailer-resilience-key";

    private readonly string _root = Directory.CreateTempSubdirectory("mailer-resilience-").FullName;

    [Fact]
    public async Task A_mailer_started_before_the_backend_keeps_trying_and_mails_once_the_backend_is_up()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = LocalHostProcess.FreePort();
        var smtp = new SmtpPickupService(Path.Combine(_root, "pickup"));

        // Given a mailer whose backend is down
        await using var mailer = MailerProcess.Start(Settings(new Uri($"http://127.0.0.1:{port}"), ApiKey));
        await Wait.Until(() => mailer.Output.Contains("The backend is unavailable (try 2)", StringComparison.Ordinal), () => mailer.Output);

        // When the backend comes up there and an order is confirmed
        await using var host = await LocalHostProcess.StartAsync(Path.Combine(_root, "data"), ct, new Dictionary<string, string> { ["Auth__ApiKey"] = ApiKey }, port);
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var driver = new CheckoutDriver(client);
        var orderId = await driver.GivenOrder((await driver.GivenStock(5), 1));
        var saga = await driver.CheckoutAwaitingPayment(orderId);
        Assert.Equal(HttpStatusCode.Accepted, (await client.Post($"/api/payments/{orderId}/confirm", new { amount = 10m })).StatusCode);
        Assert.Equal("Completed", (await driver.Finished(saga)).Value<string>("status"));

        // Then its confirmation comes out
        await Wait.Until(() => smtp.Sweep().Count > 0 || mailer.HasExited, () => mailer.Output);
        Assert.Equal($"Your order {orderId} is confirmed", Assert.Single(smtp.Sent).Message.Subject);
        Assert.False(mailer.HasExited, mailer.Output);
    }

    [Fact]
    public async Task A_refused_api_key_stops_the_mailer_with_exit_code_1_and_the_reason_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await LocalHostProcess.StartAsync(Path.Combine(_root, "data"), ct, new Dictionary<string, string> { ["Auth__ApiKey"] = ApiKey });

        await using var mailer = MailerProcess.Start(Settings(host.BaseAddress, "not-the-key"));
        await mailer.WaitForExitAsync(ct);

        Assert.Equal(1, mailer.ExitCode);
        Assert.Contains("The mailer stops: GET api/events", mailer.Output, StringComparison.Ordinal);
        Assert.Contains("answered 401 Unauthorized", mailer.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "state", "checkpoint.json")));
    }

    private Dictionary<string, string> Settings(Uri backend, string apiKey) => new()
    {
        ["BackendUrl"] = backend.ToString(),
        ["ApiKey"] = apiKey,
        ["PickupDirectory"] = Path.Combine(_root, "pickup"),
        ["StateDirectory"] = Path.Combine(_root, "state"),
        ["RetryDelay"] = "00:00:00.200",
        ["MaxRetryDelay"] = "00:00:01",
    };

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
