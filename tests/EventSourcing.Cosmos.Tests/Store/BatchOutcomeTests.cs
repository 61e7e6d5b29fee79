using System.Net;
using EventSourcing.Cosmos.Store;

namespace EventSourcing.Cosmos.Tests.Store;

/// <summary>A failed batch names its cause on the failing operation; the others say 424.</summary>
public sealed class BatchOutcomeTests
{
    [Fact]
    public void A_successful_batch_committed()
    {
        Assert.Equal((BatchOutcome.Committed, HttpStatusCode.OK), BatchOutcomes.Classify(HttpStatusCode.OK, [HttpStatusCode.Created, HttpStatusCode.OK]));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, HttpStatusCode.FailedDependency)] // another append took this commit id (same first version)
    [InlineData(HttpStatusCode.FailedDependency, HttpStatusCode.PreconditionFailed)] // the tip's ETag moved
    [InlineData(HttpStatusCode.FailedDependency, HttpStatusCode.Conflict)] // another writer created the new stream's tip
    [InlineData(HttpStatusCode.FailedDependency, HttpStatusCode.NotFound)] // the tip vanished between read and write
    public void Losing_a_race_to_another_writer_is_a_conflict_to_decide_again(HttpStatusCode commit, HttpStatusCode tip)
    {
        var (outcome, cause) = BatchOutcomes.Classify(commit == HttpStatusCode.Conflict ? commit : tip, [commit, tip]);

        Assert.Equal(BatchOutcome.Conflict, outcome);
        Assert.NotEqual(HttpStatusCode.FailedDependency, cause);
    }

    [Fact]
    public void A_refused_document_fails_with_the_failing_operation_s_status_not_424()
    {
        var (outcome, cause) = BatchOutcomes.Classify(HttpStatusCode.RequestEntityTooLarge, [HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.FailedDependency]);

        Assert.Equal((BatchOutcome.Failed, HttpStatusCode.RequestEntityTooLarge), (outcome, cause));
    }

    [Fact]
    public void A_batch_failing_as_a_whole_reports_the_batch_status()
    {
        Assert.Equal((BatchOutcome.Failed, HttpStatusCode.TooManyRequests), BatchOutcomes.Classify(HttpStatusCode.TooManyRequests, []));
    }
}
