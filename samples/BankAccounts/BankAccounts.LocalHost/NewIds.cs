using EventSourcing.Deciders;

namespace BankAccounts.LocalHost;

/// <summary>
/// Ids for what a request creates. With an Idempotency-Key the id comes from the key, so a retry the pipeline could not
/// answer from its record (the first attempt failed with a 5xx after committing) writes to the same stream, where its
/// events are recognised, instead of creating a second account or transfer.
/// </summary>
internal static class NewIds
{
    public static string For(string? idempotencyKey) =>
        (idempotencyKey is null ? Guid.CreateVersion7() : EventIds.FromName("new-id\n" + idempotencyKey)).ToString("N");
}
