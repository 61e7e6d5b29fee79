using EventSourcing.Idempotency;
using EventSourcing.Sqlite;
using EventSourcing.Tests.Contract;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Sqlite;

public sealed class SqliteIdempotencyStoreContract : IdempotencyStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new();
    private SqliteIdempotencyStore? _store;

    protected override Task<IIdempotencyStore> OpenStoreAsync() =>
        Task.FromResult<IIdempotencyStore>(_store = new SqliteIdempotencyStore(_folder.File("requests.db")));

    public void Dispose()
    {
        _store?.Dispose();
        _folder.Dispose();
    }
}
