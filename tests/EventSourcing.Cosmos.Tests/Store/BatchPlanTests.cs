using System.Text;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Cosmos.Store;
using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Cosmos.Tests.Store;

public sealed class BatchPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_stream_creates_its_tip_and_its_first_commit()
    {
        var events = TestEvents.Many(3);
        var plan = BatchPlan.Create("order-1", null, events, Now, AppendLimits.Default);

        var commit = JsonSerializer.Deserialize<CommitDocument>(plan.Commit, CosmosJson.Options)!;
        var tip = JsonSerializer.Deserialize<TipDocument>(plan.Tip, CosmosJson.Options)!;
        Assert.Null(plan.TipETag); // created, so a concurrent creator makes the batch fail with 409
        Assert.Equal((events[0].EventId.ToString(), 1L, 3L), (commit.Id, commit.First, commit.Last));
        Assert.Equal((3L, Now), (tip.Version, tip.Timestamp));
        Assert.Equal(3, plan.Result.StreamVersion);
    }

    [Fact]
    public void An_existing_stream_replaces_its_tip_under_the_etag_that_was_read()
    {
        var events = TestEvents.Many(2);
        var plan = BatchPlan.Create("order-1", new StreamTip(4, Now.AddMinutes(-1), "\"etag-4\""), events, Now, AppendLimits.Default);

        var commit = JsonSerializer.Deserialize<CommitDocument>(plan.Commit, CosmosJson.Options)!;
        Assert.Equal("\"etag-4\"", plan.TipETag);
        Assert.Equal((events[0].EventId.ToString(), 5L, 6L), (commit.Id, commit.First, commit.Last));
        Assert.Equal([5L, 6L], commit.Events.Select(e => e.Version));
        Assert.Equal(6, JsonSerializer.Deserialize<TipDocument>(plan.Tip, CosmosJson.Options)!.Version);
    }

    [Fact]
    public void A_writer_whose_clock_is_behind_never_stamps_a_commit_earlier_than_the_previous_one()
    {
        var previous = Now.AddSeconds(30);

        var plan = BatchPlan.Create("order-1", new StreamTip(1, previous, "\"e\""), TestEvents.Many(1), Now, AppendLimits.Default);

        Assert.Equal(previous, JsonSerializer.Deserialize<CommitDocument>(plan.Commit, CosmosJson.Options)!.Timestamp);
    }

    [Fact]
    public void The_most_events_an_append_may_hold_still_make_two_documents_and_fit_one_batch()
    {
        var events = TestEvents.Many(AppendLimits.Default.MaxEventsPerAppend);

        var plan = BatchPlan.Create("order-1", null, events, Now, AppendLimits.Default);

        Assert.Equal(events.Length, JsonSerializer.Deserialize<CommitDocument>(plan.Commit, CosmosJson.Options)!.Events.Count);
        Assert.Equal(plan.Commit.Length + plan.Tip.Length, plan.Bytes);
        Assert.True(plan.Bytes < CosmosLimits.MaxBatchBytes);
    }

    [Fact]
    public void Documents_over_the_batch_size_limit_are_a_typed_error_naming_the_stream_and_the_size()
    {
        // Allowed by the caller's limits, but three 800 KB events cannot fit one 2 MB batch.
        var limits = new AppendLimits(MaxBytesPerAppend: 10_000_000);
        EventData[] events = [.. Enumerable.Range(0, 3).Select(_ => TestEvents.New(json: $"\"{new string('x', 800_000)}\""))];

        var error = Assert.Throws<AppendTooLargeException>(() => BatchPlan.Create("order-1", null, events, Now, limits));

        Assert.Equal(("order-1", 3), (error.StreamId, error.EventCount));
        Assert.True(error.Bytes > CosmosLimits.MaxBatchBytes);
        Assert.Contains(CosmosLimits.MaxBatchBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_that_json_escaping_inflates_past_the_limit_is_caught_by_measuring_the_serialized_documents()
    {
        // 400 KB of control characters passes the core's 1 MB guard, but each one is written as \u0001: 2.4 MB.
        var data = Encoding.UTF8.GetBytes(new string('\u0001', 400_000));
        EventData[] events = [new(Guid.NewGuid(), "Blob", 1, data, EventMetadata.Empty)];
        AppendGuard.Validate("blob-1", events, AppendLimits.Default);

        Assert.Throws<AppendTooLargeException>(() => BatchPlan.Create("blob-1", null, events, Now, AppendLimits.Default));
    }
}
