using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EventSourcing.Sqlite;
using EventSourcing.Store;
using Microsoft.Playwright;
using Ordering.LocalHost.Tests.Process;

namespace Ordering.OperatorConsole.Tests.Support;

/// <summary>
/// A real local host process with an API key, and a history to look at: a poison event a broken writer left in the
/// store before the host started (so a projection parks it for real), and over HTTP an order edited and checked out
/// and paid, one whose payment was refused, and one still waiting for its payment. Then chromium, to look with.
/// </summary>
public sealed class ConsoleBackend : IAsyncLifetime
{
    public const string ApiKey = "console-browser-tests-key";
    public const string Sku = "book";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ordering-console-").FullName;
    private LocalHostProcess? _host;
    private IPlaywright? _playwright;

    public Uri BaseAddress => _host!.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Created with a line, given another, checked out under <see cref="PaidCorrelationId"/> and paid: Completed.</summary>
    public string PaidOrder { get; private set; } = "";

    public string PaidCorrelationId { get; } = $"console-trace-{Guid.NewGuid():N}";

    /// <summary>Checked out, its payment refused: Compensated.</summary>
    public string RefusedOrder { get; private set; } = "";

    /// <summary>Checked out, waiting for the provider: Running.</summary>
    public string WaitingOrder { get; private set; } = "";

    /// <summary>The stream of the event no projection can read.</summary>
    public string PoisonStream { get; } = $"order-poison-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled) return; // every test skips (or fails, when chromium is required) on its own
        var ct = TestContext.Current.CancellationToken;
        await SeedPoisonAsync(ct);
        _host = await LocalHostProcess.StartAsync(_dataDirectory, ct, new Dictionary<string, string> { ["Auth__ApiKey"] = ApiKey });
        Http = new HttpClient { BaseAddress = _host.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", ApiKey } } };
        await SeedHistoryAsync(ct);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            // As root (CI containers) chromium refuses to start with its sandbox.
            Args = Environment.UserName == "root" ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A page at 1280 px in a zone other than UTC, with the API key already entered in its session (unless told not to).</summary>
    public async Task<IPage> NewPageAsync(bool withKey = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "America/New_York",
            Locale = "en-US",
        });
        if (withKey) await context.AddInitScriptAsync($"sessionStorage.setItem('ordering-console-api-key', '{ApiKey}')");
        return await context.NewPageAsync();
    }

    public async Task<JsonNode> GetJsonAsync(string path) =>
        JsonNode.Parse(await Http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken))!;

    private async Task SeedPoisonAsync(CancellationToken ct)
    {
        // What a broken writer (or a bad migration) could leave: an OrderCreated whose time is not a time.
        await using var store = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = Path.Combine(_dataDirectory, "events.db") });
        await store.AppendAsync(PoisonStream, ExpectedVersion.NoStream,
            [new EventData(Guid.NewGuid(), "OrderCreated", 1, Encoding.UTF8.GetBytes("""{"orderId":"poison","customerId":"c","currency":"EUR","createdAt":"not a date"}"""), EventMetadata.Empty)],
            ct);
    }

    private async Task SeedHistoryAsync(CancellationToken ct)
    {
        await Send(HttpMethod.Post, $"/api/inventory/{Sku}/restock", new { quantity = 20 }, HttpStatusCode.OK, ct);
        await Send(HttpMethod.Post, "/api/inventory/pen/restock", new { quantity = 5 }, HttpStatusCode.OK, ct);
        PaidOrder = await CreateOrderAsync(ct);
        await Send(HttpMethod.Post, $"/api/orders/{PaidOrder}/items", new { sku = "pen", quantity = 1, unitPrice = 3m }, HttpStatusCode.OK, ct);
        RefusedOrder = await CreateOrderAsync(ct);
        WaitingOrder = await CreateOrderAsync(ct);

        await Send(HttpMethod.Post, $"/api/orders/{PaidOrder}/checkout", null, HttpStatusCode.Accepted, ct, PaidCorrelationId);
        await Send(HttpMethod.Post, $"/api/orders/{RefusedOrder}/checkout", null, HttpStatusCode.Accepted, ct);
        await Send(HttpMethod.Post, $"/api/orders/{WaitingOrder}/checkout", null, HttpStatusCode.Accepted, ct);
        foreach (var order in new[] { PaidOrder, RefusedOrder, WaitingOrder }) await SagaStageAsync(order, "awaiting-payment", ct);
        await Send(HttpMethod.Post, $"/api/payments/{PaidOrder}/confirm", new { amount = 28m }, HttpStatusCode.Accepted, ct, PaidCorrelationId);
        await Send(HttpMethod.Post, $"/api/payments/{RefusedOrder}/fail", new { reason = "card declined" }, HttpStatusCode.Accepted, ct);
        await SagaStageAsync(PaidOrder, "confirmed", ct);
        await SagaStageAsync(RefusedOrder, "compensated", ct);
    }

    private async Task<string> CreateOrderAsync(CancellationToken ct)
    {
        var created = await Send(HttpMethod.Post, "/api/orders",
            new { customerId = $"cust-{Guid.NewGuid():N}"[..13], items = new[] { new { sku = Sku, quantity = 2, unitPrice = 12.5m } } }, HttpStatusCode.Created, ct);
        return created!["orderId"]!.GetValue<string>();
    }

    // Waits for the saga (started from the feed) to reach a stage; the bound only ends a wait that fails.
    private async Task SagaStageAsync(string orderId, string stage, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await Http.GetAsync(new Uri($"/api/sagas/checkout-{orderId}", UriKind.Relative), ct);
            var saga = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode && JsonNode.Parse(saga)?["customStatus"]?["stage"]?.GetValue<string>() == stage) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"checkout-{orderId} did not reach {stage}: {(int)response.StatusCode} {saga}\n{_host!.Output}");
            await Task.Delay(50, ct);
        }
    }

    private async Task<JsonNode?> Send(HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken ct, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        if (correlationId is not null) request.Headers.Add("X-Correlation-Id", correlationId);
        using var response = await Http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
