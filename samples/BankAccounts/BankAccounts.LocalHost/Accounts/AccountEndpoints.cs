using BankAccounts.Accounts;
using BankAccounts.Statements;
using EventSourcing.Http.Pipeline;
using EventSourcing.Projections;

namespace BankAccounts.LocalHost.Accounts;

public sealed record OpenAccountRequest(string? Owner, string? Currency, decimal? OverdraftLimit);

public sealed record AmountRequest(decimal? Amount);

/// <summary>The statuses a statement can be listed by (as the statement spells them, in lower case).</summary>
public enum StatementStatus
{
    Open,
    Closed,
}

/// <summary>What a write to an account left: its balance and the stream version (also the response's ETag).</summary>
public sealed record AccountWritten(string AccountId, decimal Balance, decimal Available, long Version);

#region account-endpoints
/// <summary>The account routes: each reads its body, runs one command through the command handler, answers what it left.</summary>
internal static class AccountEndpoints
{
    public static Task<IResult> Open(HttpRequest request, ApiPipeline api, BankHandlers bank, TimeProvider clock) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var body = command.Read<OpenAccountRequest>();
            var check = new Validation();
            var (owner, currency) = (check.Required(body.Owner, "owner"), check.Required(body.Currency, "currency"));
            check.ThrowIfInvalid();
            var accountId = NewIds.For(command.IdempotencyKey);
            var result = await bank.Accounts.HandleAsync(BankStreams.Account(accountId),
                new OpenAccount(accountId, owner, currency, body.OverdraftLimit ?? 0, clock.GetUtcNow()), command.Context, ct);
            return ApiResponse.Created($"/api/accounts/{accountId}", Written(accountId, result.State, result.Version), result.Version);
        });

    public static Task<IResult> Deposit(HttpRequest request, string accountId, ApiPipeline api, BankHandlers bank, TimeProvider clock) =>
        api.CommandAsync(request, async (command, ct) =>
            await RunAsync(bank, accountId, new Deposit(accountId, Amount(command), clock.GetUtcNow()), command, ct));

    public static Task<IResult> Withdraw(HttpRequest request, string accountId, ApiPipeline api, BankHandlers bank, TimeProvider clock) =>
        api.CommandAsync(request, async (command, ct) =>
            await RunAsync(bank, accountId, new Withdraw(accountId, Amount(command), clock.GetUtcNow()), command, ct));

    public static Task<IResult> Close(HttpRequest request, string accountId, ApiPipeline api, BankHandlers bank, TimeProvider clock) =>
        api.CommandAsync(request, async (command, ct) =>
            await RunAsync(bank, accountId, new CloseAccount(accountId, clock.GetUtcNow()), command, ct));
    #endregion

    /// <summary>
    /// The statement from the read model. With <c>minVersion</c> it waits (at most 5 s) until the statement reflects that
    /// version of the account, and says <c>X-Read-Model-Stale: true</c> when it does not yet.
    /// </summary>
    public static Task<IResult> Statement(HttpRequest request, string accountId, ApiPipeline api, IReadModelStore readModels, IProjectionRuntime projections) =>
        api.QueryAsync(request, async ct =>
        {
            var minVersion = QueryParameters.WholeNumber(request, "minVersion", min: 1);
            var stale = minVersion is { } version && !await projections.WaitForDocumentVersionAsync(
                AccountStatementProjection.ProjectionName, accountId, BankStreams.Account(accountId), version, TimeSpan.FromSeconds(5), ct);
            var statement = await readModels.GetAsync<AccountStatement>(AccountStatementProjection.ProjectionName, accountId, ct)
                ?? throw new NotFoundException($"No account '{accountId}' is known.");
            var response = ApiResponse.Ok(statement, statement.Version);
            return stale ? response with { Headers = new Dictionary<string, string>(response.Headers!) { ["X-Read-Model-Stale"] = "true" } } : response;
        });

    /// <summary>Statements filtered by <c>owner</c> and <c>status</c> (open, closed), a page of <c>limit</c> at a time.</summary>
    public static Task<IResult> List(HttpRequest request, ApiPipeline api, IReadModelStore readModels) =>
        api.QueryAsync(request, async ct =>
        {
            var query = new ReadModelQuery
            {
                Limit = (int)(QueryParameters.WholeNumber(request, "limit", min: 1, max: ReadModelQuery.MaxLimit) ?? 50),
                ContinuationToken = QueryParameters.Text(request, "continuationToken"),
            };
            if (QueryParameters.Text(request, "owner") is { } owner) query = query.Where("owner", owner);
            if (QueryParameters.Enum<StatementStatus>(request, "status") is { } status) query = query.Where("status", status.ToString().ToLowerInvariant());
            return ApiResponse.Ok(await readModels.QueryAsync<AccountStatement>(AccountStatementProjection.ProjectionName, query, ct));
        });

    private static decimal Amount(CommandRequest command)
    {
        var check = new Validation();
        var amount = check.Required(command.Read<AmountRequest>().Amount, "amount");
        check.ThrowIfInvalid();
        return amount;
    }

    private static async Task<ApiResponse> RunAsync(BankHandlers bank, string accountId, AccountCommand domainCommand, CommandRequest command, CancellationToken ct)
    {
        var result = await bank.Accounts.HandleAsync(BankStreams.Account(accountId), domainCommand, command.Context, ct);
        return ApiResponse.Ok(Written(accountId, result.State, result.Version), result.Version);
    }

    private static AccountWritten Written(string accountId, AccountState state, long version) => new(accountId, state.Balance, state.Available, version);
}
