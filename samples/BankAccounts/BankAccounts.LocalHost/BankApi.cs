using BankAccounts.LocalHost.Accounts;
using BankAccounts.LocalHost.Transfers;
using EventSourcing.Http.Endpoints;

namespace BankAccounts.LocalHost;

/// <summary>Every route of the bank API: the domain's own, and the building blocks' domain-free ones.</summary>
internal static class BankApi
{
    public static void MapBankApi(this WebApplication app)
    {
        app.UseStatusCodePages(); // routing's own 404, 405 and 415 answer as problem details too
        var api = app.MapGroup("/api");
        #region account-routes
        api.MapPost("/accounts", AccountEndpoints.Open).WithName("openAccount").WithSummary("Opens an account");
        api.MapPost("/accounts/{accountId}/deposits", AccountEndpoints.Deposit).WithName("deposit").WithSummary("Pays money in");
        api.MapPost("/accounts/{accountId}/withdrawals", AccountEndpoints.Withdraw).WithName("withdraw").WithSummary("Pays money out, within the overdraft limit");
        api.MapPost("/accounts/{accountId}/close", AccountEndpoints.Close).WithName("closeAccount").WithSummary("Closes an empty account");
        api.MapGet("/accounts/{accountId}", AccountEndpoints.Statement).WithName("getStatement").WithSummary("The account's balance and latest movements");
        api.MapGet("/accounts", AccountEndpoints.List).WithName("listAccounts").WithSummary("Statements by owner or status");
        #endregion
        api.MapPost("/transfers", TransferEndpoints.Request).WithName("requestTransfer").WithSummary("Asks for a transfer; the transfer saga carries it out");
        api.MapGet("/transfers/{transferId}", TransferEndpoints.Get).WithName("getTransfer").WithSummary("Where a transfer is");

        api.MapGet("/streams/{streamId}/events", StreamEndpoints.Events).WithName("getStreamEvents").WithSummary("A stream's events: the audit trail");
        api.MapGet("/sagas/{sagaId}", SagaEndpoints.Get).WithName("getSaga").WithSummary("A saga instance with its steps");
        api.MapGet("/sagas", SagaEndpoints.List).WithName("listSagas").WithSummary("Saga instances");
        api.MapGet("/projections", ProjectionEndpoints.Projections).WithName("listProjections").WithSummary("Every projection's progress");
        api.MapGet("/health", HealthEndpoints.Check).WithName("health").WithSummary("Whether the store can be read and written");
    }
}
