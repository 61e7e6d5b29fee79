using BankAccounts.Transfers;
using EventSourcing.Http.Pipeline;

namespace BankAccounts.LocalHost.Transfers;

public sealed record TransferRequest(string? FromAccountId, string? ToAccountId, decimal? Amount, string? Currency);

/// <summary>A transfer accepted: the saga carrying it out, and where to follow it.</summary>
public sealed record TransferAccepted(string TransferId, string SagaId, string StatusUrl, long Version);

/// <summary>A transfer as its events leave it; <c>status</c> is Requested until the saga completes or fails it.</summary>
public sealed record TransferView(
    string TransferId, string Status, string FromAccountId, string ToAccountId, decimal Amount, string Currency, string? FailureReason, long Version);

internal static class TransferEndpoints
{
    /// <summary>Records the request; the transfer saga starts from the feed and moves the money (202: it has not yet).</summary>
    public static Task<IResult> Request(HttpRequest request, ApiPipeline api, BankHandlers bank, TimeProvider clock) =>
        api.CommandAsync(request, async (command, ct) =>
        {
            var body = command.Read<TransferRequest>();
            var check = new Validation();
            var (from, to) = (check.Required(body.FromAccountId, "fromAccountId"), check.Required(body.ToAccountId, "toAccountId"));
            var (amount, currency) = (check.Required(body.Amount, "amount"), check.Required(body.Currency, "currency"));
            check.ThrowIfInvalid();
            var transferId = NewIds.For(command.IdempotencyKey);
            var result = await bank.Transfers.HandleAsync(BankStreams.Transfer(transferId),
                new RequestTransfer(transferId, from, to, amount, currency, clock.GetUtcNow()), command.Context, ct);
            return ApiResponse.Accepted(
                new TransferAccepted(transferId, TransferSaga.InstanceId(transferId), $"/api/transfers/{transferId}", result.Version), result.Version);
        });

    public static Task<IResult> Get(HttpRequest request, string transferId, ApiPipeline api, BankHandlers bank) =>
        api.QueryAsync(request, async ct =>
        {
            var loaded = await bank.Store.LoadAsync(BankStreams.Transfer(transferId), TransferState.Initial,
                (TransferState s, TransferEvent e) => TransferDecider.Evolve(s, e), cancellationToken: ct);
            if (loaded.Version == 0) throw new NotFoundException($"No transfer '{transferId}' was requested.");
            var s = loaded.State;
            return ApiResponse.Ok(
                new TransferView(transferId, s.Status.ToString(), s.FromAccountId!, s.ToAccountId!, s.Amount, s.Currency!, s.FailureReason, loaded.Version),
                loaded.Version);
        });
}
