using System.Text.Json;
using EventSourcing.Cosmos.Projections;
using EventSourcing.Cosmos.Store;
using EventSourcing.Cosmos.Tests.Support;
using EventSourcing.Projections;
using EventSourcing.Store;
using EventSourcing.Tests.Projections;
using EventSourcing.Tests.Support;
using static EventSourcing.Tests.Support.Account;

namespace EventSourcing.Cosmos.Tests.Emulator;

/// <summary>A blue/green rebuild through the real change feed: needs COSMOS_CONNECTION_STRING or COSMOS_ENDPOINT, else skipped.</summary>
public sealed class RebuildTests
{
    [Fact]
    public async Task A_rebuild_fills_a_new_generation_while_the_old_one_answers_then_switches_and_keeps_writing_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var database = await CosmosEnvironment.DatabaseAsync();
        var names = CosmosEnvironment.Names;
        var stream = $"account-{Guid.NewGuid():N}";
        // A projection of its own (the generations record is per name) that keeps only this test's stream.
        var balances = new AccountBalances();
        var projection = new OneStream($"rebuild-{Guid.NewGuid():N}"[..20], stream, balances);
        var events = new CosmosEventStore(database.GetContainer(names.Events));
        var readModels = new CosmosReadModelStore(database.GetContainer(names.ReadModels), Commits.Serializer.Options);
        var deadLetters = new CosmosDeadLetterStore(database.GetContainer(names.DeadLetters));
        var dispatcher = new ChangeFeedDispatcher(Commits.Serializer, [projection], readModels, deadLetters, generations: readModels);
        var runtime = new ChangeFeedProjections(database.GetContainer(names.Events), database.GetContainer(names.Leases), dispatcher, deadLetters, readModels,
            new ChangeFeedProjectionOptions
            {
                ProcessorName = $"test-{Guid.NewGuid():N}",
                StartTime = DateTime.UtcNow.AddMinutes(-1),
                PollInterval = TimeSpan.FromMilliseconds(100),
                PromotionPollInterval = TimeSpan.FromMilliseconds(200),
                RunsRebuilds = true,
            });
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(stop.Token);
        try
        {
            var version = await Append(events, stream, new Opened("alice"), new Deposited(100));
            Assert.True(await runtime.WaitForDocumentVersionAsync(projection.Name, stream, stream, version, TimeSpan.FromSeconds(30), ct));
            balances.Label = "v2"; // documents the new generation creates say so

            var generation = await runtime.RebuildAsync(projection.Name, ct);
            var during = await readModels.GetAsync<AccountBalance>(projection.Name, stream, ct);
            var statuses = await runtime.GetStatusAsync(ct);

            Assert.Equal(2, generation);
            Assert.Equal(await runtime.RebuildAsync(projection.Name, ct), generation);
            Assert.Equal(("v1", 100m), (during!.Label, during.Balance));
            Assert.Contains(statuses, s => s.Name == projection.Name && s.Version == 2 && s.Status == ProjectionStatus.Rebuilding);

            var switched = await Eventually(async () => (await readModels.GetGenerationsAsync(projection.Name, ct)).Record.Active == 2, TimeSpan.FromMinutes(3));
            var after = await Eventually(async () => await readModels.GetAsync<AccountBalance>(projection.Name, stream, ct) is { Label: "v2" }, TimeSpan.FromSeconds(30));
            var next = await Append(events, stream, new Withdrawn(30));

            Assert.True(switched && after);
            Assert.True(await runtime.WaitForDocumentVersionAsync(projection.Name, stream, stream, next, TimeSpan.FromSeconds(30), ct));
            Assert.Equal(70m, (await readModels.GetAsync<AccountBalance>(projection.Name, stream, ct))!.Balance);
            var status = Assert.Single(await runtime.GetStatusAsync(ct), s => s.Name == projection.Name);
            Assert.Equal(2, status.Version);
            // The old generation is kept as it was at the switch (no data is deleted), and the main processor no longer writes it.
            var old = await readModels.LoadAsync(projection.Name, stream, ct);
            Assert.Equal(2L, old!.Document.Versions[stream]);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private static async Task<long> Append(CosmosEventStore events, string stream, params Account.Event[] appended) =>
        (await events.AppendAsync(stream, ExpectedVersion.Any, [.. appended.Select(e => Commits.Serializer.Serialize(e, Guid.NewGuid(), EventMetadata.Empty))])).StreamVersion;

    private static async Task<bool> Eventually(Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        return true;
    }

    /// <summary><see cref="AccountBalances"/> under another name, for one stream only, so a rebuild from the start of the shared container stays small.</summary>
    private sealed class OneStream(string name, string stream, AccountBalances inner) : IProjection
    {
        public string Name => name;

        public IReadOnlyList<string> IndexedProperties => inner.IndexedProperties;

        public string? KeyOf(object domainEvent, RecordedEvent recorded) => recorded.StreamId == stream ? inner.KeyOf(domainEvent, recorded) : null;

        public string? Apply(string? currentJson, object domainEvent, RecordedEvent recorded, JsonSerializerOptions options) =>
            ((IProjection)inner).Apply(currentJson, domainEvent, recorded, options);
    }
}
