namespace BankAccounts.Tests.Http;

/// <summary>The account routes through the sample's own host: what a client sends and what it gets back.</summary>
public sealed class AccountApiTests(BankApiFactory api) : IClassFixture<BankApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task An_account_opens_takes_deposits_and_pays_out_into_its_overdraft()
    {
        var opened = await _client.Post("/api/accounts", new { owner = "Alice", currency = "EUR", overdraftLimit = 100 });
        Assert.Equal(201, (int)opened.StatusCode);
        var accountId = (string)(await opened.Json())["accountId"]!;
        Assert.Equal($"/api/accounts/{accountId}", opened.Headers.Location?.ToString());

        await _client.Post($"/api/accounts/{accountId}/deposits", new { amount = 50 });
        var withdrawn = await _client.Post($"/api/accounts/{accountId}/withdrawals", new { amount = 120.5m });

        Assert.Equal(200, (int)withdrawn.StatusCode);
        var written = await withdrawn.Json();
        Assert.Equal((-70.5m, 29.5m, 3L), ((decimal)written["balance"]!, (decimal)written["available"]!, (long)written["version"]!));
        Assert.Equal("\"3\"", withdrawn.Header("ETag"));
        var statement = await _client.Get($"/api/accounts/{accountId}?minVersion=3");
        var body = await statement.Json();
        Assert.Equal((-70.5m, "Alice", 2), ((decimal)body["balance"]!, (string)body["owner"]!, body["entries"]!.AsArray().Count));
        Assert.Equal("", statement.Header("X-Read-Model-Stale"));
    }

    [Fact]
    public async Task A_withdrawal_past_the_overdraft_is_a_conflict_that_changes_nothing()
    {
        var accountId = await _client.OpenAsync("Bob", overdraftLimit: 10, deposit: 20);

        var refused = await _client.Post($"/api/accounts/{accountId}/withdrawals", new { amount = 30.01m });

        Assert.Equal(409, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("overdraft-limit-exceeded", (string)(await refused.Json())["code"]!);
        Assert.Equal(2, await _client.StreamVersionAsync($"account-{accountId}"));
    }

    [Theory]
    [InlineData("{\"amount\":\"ten\"}", "amount")]
    [InlineData("{\"amount\":-5}", "amount")]
    [InlineData("{}", "amount")]
    [InlineData("{\"amount\":", null)]
    public async Task A_bad_request_is_answered_with_problem_details_and_changes_nothing(string json, string? field)
    {
        var accountId = await _client.OpenAsync("Carol", deposit: 10);

        var refused = await _client.PostRaw($"/api/accounts/{accountId}/deposits", json);

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Json();
        Assert.Equal(400, (int)problem["status"]!);
        if (field is not null) Assert.NotNull(problem["errors"]?[field]);
        Assert.Equal(2, await _client.StreamVersionAsync($"account-{accountId}"));
        var statement = await _client.WaitForAsync($"/api/accounts/{accountId}?minVersion=2", s => (long)s["version"]! == 2);
        Assert.Equal(10m, (decimal)statement["balance"]!);
    }

    [Fact]
    public async Task A_deposit_repeated_with_its_idempotency_key_is_answered_again_and_counted_once()
    {
        var accountId = await _client.OpenAsync("Dave");
        (string, string) key = ("Idempotency-Key", "deposit-1");

        var first = await _client.Post($"/api/accounts/{accountId}/deposits", new { amount = 25 }, key);
        var again = await _client.Post($"/api/accounts/{accountId}/deposits", new { amount = 25 }, key);
        var otherBody = await _client.Post($"/api/accounts/{accountId}/deposits", new { amount = 26 }, key);

        Assert.Equal((200, 200, 422), ((int)first.StatusCode, (int)again.StatusCode, (int)otherBody.StatusCode));
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Equal((await first.Json()).ToJsonString(), (await again.Json()).ToJsonString());
        Assert.Equal(2, await _client.StreamVersionAsync($"account-{accountId}"));
    }

    [Fact]
    public async Task A_write_with_a_stale_if_match_is_refused_and_changes_nothing()
    {
        var accountId = await _client.OpenAsync("Erin", deposit: 10);

        var stale = await _client.Post($"/api/accounts/{accountId}/withdrawals", new { amount = 5 }, ("If-Match", "\"1\""));

        Assert.Equal(412, (int)stale.StatusCode);
        Assert.Equal(2, await _client.StreamVersionAsync($"account-{accountId}"));
    }

    [Fact]
    public async Task An_account_with_money_left_does_not_close_and_an_unknown_one_is_not_found()
    {
        var accountId = await _client.OpenAsync("Frank", deposit: 1);

        var notEmpty = await _client.Post($"/api/accounts/{accountId}/close");
        var unknown = await _client.Post("/api/accounts/nobody/deposits", new { amount = 1 });
        var unknownStatement = await _client.Get("/api/accounts/nobody");

        Assert.Equal((409, "balance-not-zero"), ((int)notEmpty.StatusCode, (string)(await notEmpty.Json())["code"]!));
        Assert.Equal((404, "account-not-found"), ((int)unknown.StatusCode, (string)(await unknown.Json())["code"]!));
        Assert.Equal(404, (int)unknownStatement.StatusCode);
    }

    [Fact]
    public async Task Accounts_are_listed_by_owner_and_status_and_an_unknown_status_is_a_bad_request()
    {
        var owner = "Grace-" + Guid.NewGuid().ToString("N");
        var open = await _client.OpenAsync(owner);
        var closed = await _client.OpenAsync(owner);
        Assert.Equal(200, (int)(await _client.Post($"/api/accounts/{closed}/close")).StatusCode);
        await _client.WaitForAsync($"/api/accounts/{closed}?minVersion=2", s => (string)s["status"]! == "closed");

        var listed = await (await _client.Get($"/api/accounts?owner={owner}&status=open")).Json();
        var unknown = await _client.Get($"/api/accounts?owner={owner}&status=none");

        Assert.Equal([open], listed["items"]!.AsArray().Select(i => (string)i!["accountId"]!));
        Assert.Equal((400, "status"), ((int)unknown.StatusCode, (await unknown.Json())["errors"]!.AsObject().Single().Key));
    }
}
