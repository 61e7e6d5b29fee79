using EventSourcing.Projections;
using EventSourcing.Serialization;
using EventSourcing.Sqlite;
using EventSourcing.Sqlite.Projections;
using EventSourcing.Store;
using EventSourcing.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Tests.Projections;

/// <summary>An event store, a separate read-model database and a runner keeping <see cref="AccountBalances"/>, in a temp folder.</summary>
public sealed class ProjectionHarness : IAsyncDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ProjectionRunnerOptions _options;
    private readonly ILoggerFactory? _loggers;

    public ProjectionHarness(ProjectionRunnerOptions? options = null, ILoggerFactory? loggers = null)
    {
        _options = options ?? new ProjectionRunnerOptions();
        _loggers = loggers;
        Events = SqliteEventStore.Open(new SqliteStoreOptions { DatabasePath = _folder.File("events.db") });
        (ReadModels, Runner) = OpenRuntime();
    }

    public SqliteEventStore Events { get; }

    public EventSerializer Serializer { get; } = new(Account.Types());

    public AccountBalances Balances { get; } = new();

    public SqliteProjectionStore ReadModels { get; private set; }

    public ProjectionRunner Runner { get; private set; }

    /// <summary>Appends typed account events; returns the global position of the last one.</summary>
    public async Task<long> Append(string stream, params Account.Event[] events)
    {
        var result = await Events.AppendAsync(stream, ExpectedVersion.Any, [.. events.Select(e => Serializer.Serialize(e, Guid.NewGuid(), EventMetadata.Empty))]);
        return result.Position!.Value;
    }

    /// <summary>An event of a type the projection's type map does not know, like saga history sharing the feed.</summary>
    public Task AppendForeign(string stream) => Events.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New("SagaStepRecorded")]);

    public Task<AccountBalance?> Balance(string stream) => ReadModels.GetAsync<AccountBalance>(AccountBalances.ProjectionName, stream);

    public async Task<IReadOnlyList<ProjectionStatus>> Statuses() => await Runner.GetStatusAsync();

    public async Task<ProjectionStatus> Status() => Assert.Single(await Runner.GetStatusAsync(), s => s.Status != ProjectionStatus.Rebuilding);

    /// <summary>Closes the runner and the read-model store and opens them again, as a process restart would.</summary>
    public void Restart()
    {
        Runner.Dispose();
        ReadModels.Dispose();
        (ReadModels, Runner) = OpenRuntime();
    }

    /// <summary>Runs SQL straight against the read-model file, behind the store's back.</summary>
    public long Sql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("readmodels.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : 0;
    }

    public async ValueTask DisposeAsync()
    {
        Runner.Dispose();
        ReadModels.Dispose();
        await Events.DisposeAsync();
        _folder.Dispose();
    }

    private (SqliteProjectionStore, ProjectionRunner) OpenRuntime()
    {
        var store = SqliteProjectionStore.Open(new SqliteProjectionStoreOptions { DatabasePath = _folder.File("readmodels.db") });
        return (store, new ProjectionRunner(Events, Serializer, [Balances], store, _options,
            _loggers is null ? null : new Logger<ProjectionRunner>(_loggers)));
    }
}
