namespace BankAccounts.Tests.Http;

/// <summary>Transfers through the sample's own host: accepted at once, carried out by the saga the feed starts.</summary>
public sealed class TransferApiTests(BankApiFactory api) : IClassFixture<BankApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_transfer_is_accepted_then_completed_by_its_saga()
    {
        var (alice, bob) = (await _client.OpenAsync("Alice", deposit: 100), await _client.OpenAsync("Bob"));

        var accepted = await _client.Post("/api/transfers", new { fromAccountId = alice, toAccountId = bob, amount = 40, currency = "EUR" });

        Assert.Equal(202, (int)accepted.StatusCode);
        var body = await accepted.Json();
        var transfer = await _client.WaitForAsync((string)body["statusUrl"]!, t => (string)t["status"]! != "Requested");
        Assert.Equal("Completed", (string)transfer["status"]!);
        var saga = await _client.WaitForAsync($"/api/sagas/{(string)body["sagaId"]!}", s => (string)s["status"]! != "Running");
        Assert.Equal("Completed", (string)saga["status"]!);
        var bobs = await _client.WaitForAsync($"/api/accounts/{bob}", s => (decimal)s["balance"]! != 0);
        Assert.Equal(40m, (decimal)bobs["balance"]!);
    }

    [Fact]
    public async Task A_transfer_to_a_closed_account_is_refunded_and_fails_with_the_reason()
    {
        var (alice, bob) = (await _client.OpenAsync("Alice", deposit: 100), await _client.OpenAsync("Bob"));
        Assert.Equal(200, (int)(await _client.Post($"/api/accounts/{bob}/close")).StatusCode);

        var accepted = await _client.Post("/api/transfers", new { fromAccountId = alice, toAccountId = bob, amount = 40, currency = "EUR" });

        var transfer = await _client.WaitForAsync((string)(await accepted.Json())["statusUrl"]!, t => (string)t["status"]! != "Requested");
        Assert.Equal("Failed", (string)transfer["status"]!);
        Assert.Contains("closed", (string)transfer["failureReason"]!, StringComparison.Ordinal);
        var statement = await _client.WaitForAsync($"/api/accounts/{alice}", s => s["entries"]!.AsArray().Count == 3);
        Assert.Equal(
            ["deposit", "transfer-out", "transfer-refund"],
            statement["entries"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal(100m, (decimal)statement["balance"]!);
    }

    [Fact]
    public async Task A_transfer_request_missing_its_amount_is_a_bad_request_that_starts_nothing()
    {
        var (alice, bob) = (await _client.OpenAsync("Alice"), await _client.OpenAsync("Bob"));
        var sagasBefore = (await (await _client.Get("/api/sagas")).Json())["items"]!.AsArray().Count;

        var refused = await _client.Post("/api/transfers", new { fromAccountId = alice, toAccountId = bob, currency = "EUR" });

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.NotNull((await refused.Json())["errors"]?["amount"]);
        Assert.Equal(sagasBefore, (await (await _client.Get("/api/sagas")).Json())["items"]!.AsArray().Count);
    }
}
