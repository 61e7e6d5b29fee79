using System.Net;
using EventSourcing.Cosmos.Resilience;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Resilience;

/// <summary>Which Cosmos answers are worth another try, and how long to wait before it.</summary>
public sealed class FaultPolicyTests
{
    private static readonly CosmosRetryOptions Options = new() { BaseDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(10) };

    [Theory]
    [InlineData(429)] // throttled
    [InlineData(408)] // timed out
    [InlineData(449)] // retry with
    [InlineData(503)] // unavailable
    public void Throttling_timeouts_and_unavailability_are_retried(int status)
    {
        Assert.True(CosmosFaults.IsTransient((HttpStatusCode)status));
        Assert.True(CosmosFaults.ShouldRetry(new CosmosException("x", (HttpStatusCode)status, 0, "a", 0), null, CancellationToken.None));
        Assert.True(CosmosFaults.ShouldRetry(null, new ResponseMessage((HttpStatusCode)status), CancellationToken.None));
    }

    [Theory]
    [InlineData(400)] // malformed: the same request fails the same way
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)] // conflicts and ETag failures are decisions for the caller, not faults
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(500)]
    public void Answers_that_a_retry_would_only_repeat_are_not_retried(int status)
    {
        Assert.False(CosmosFaults.IsTransient((HttpStatusCode)status));
        Assert.False(CosmosFaults.ShouldRetry(new CosmosException("x", (HttpStatusCode)status, 0, "a", 0), null, CancellationToken.None));
        Assert.False(CosmosFaults.ShouldRetry(null, new ResponseMessage((HttpStatusCode)status), CancellationToken.None));
    }

    [Fact]
    public void Exceptions_that_are_not_cosmos_faults_are_not_retried()
    {
        Assert.False(CosmosFaults.ShouldRetry(new InvalidOperationException(), null, CancellationToken.None));
        Assert.False(CosmosFaults.ShouldRetry(null, new ResponseMessage(HttpStatusCode.OK), CancellationToken.None));
    }

    [Fact]
    public void The_service_s_retry_after_is_honoured_exactly_but_never_beyond_the_longest_wait()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), CosmosFaults.NextDelay(0, TimeSpan.FromMilliseconds(1500), Options, random: 0.99));
        Assert.Equal(TimeSpan.FromSeconds(10), CosmosFaults.NextDelay(0, TimeSpan.FromMinutes(1), Options, random: 0.5));
    }

    [Fact]
    public void Without_retry_after_the_wait_doubles_each_time_spread_by_at_most_a_fifth_and_capped()
    {
        Assert.Equal([200, 400, 800, 1600], Enumerable.Range(0, 4).Select(a => CosmosFaults.Delay(a, null, Options).TotalMilliseconds));
        Assert.Equal(160, CosmosFaults.NextDelay(0, null, Options, random: 0).TotalMilliseconds, 3);
        Assert.Equal(240, CosmosFaults.NextDelay(0, null, Options, random: 1).TotalMilliseconds, 3);
        Assert.Equal(TimeSpan.FromSeconds(10), CosmosFaults.NextDelay(30, null, Options, random: 1));
    }

    [Fact]
    public void Retry_after_is_read_from_exceptions_responses_and_batch_responses()
    {
        var response = new ResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers["x-ms-retry-after-ms"] = "250";

        Assert.Equal(TimeSpan.FromMilliseconds(250), CosmosFaults.RetryAfter(null, response));
        Assert.Equal(TimeSpan.FromSeconds(2), CosmosFaults.RetryAfter(new Throttled(TimeSpan.FromSeconds(2)), null));
        Assert.Equal(TimeSpan.FromSeconds(3), CosmosFaults.RetryAfter(null, new BatchAnswer(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3))));
        Assert.Null(CosmosFaults.RetryAfter(null, new ResponseMessage(HttpStatusCode.ServiceUnavailable)));
    }

    /// <summary>A 429 as the SDK throws it, with the service's retry-after.</summary>
    internal sealed class Throttled(TimeSpan retryAfter) : CosmosException("throttled", HttpStatusCode.TooManyRequests, 0, "a", 1)
    {
        public override TimeSpan? RetryAfter => retryAfter;
    }

    /// <summary>A batch response as the SDK returns it (its constructor is protected for exactly this).</summary>
    internal sealed class BatchAnswer(HttpStatusCode status, TimeSpan? retryAfter = null) : TransactionalBatchResponse
    {
        public override HttpStatusCode StatusCode => status;

        public override TimeSpan? RetryAfter => retryAfter;

        public override bool IsSuccessStatusCode => (int)status is >= 200 and < 300;
    }
}
