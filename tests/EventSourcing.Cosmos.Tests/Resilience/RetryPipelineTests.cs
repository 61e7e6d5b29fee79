using System.Net;
using EventSourcing.Cosmos.Resilience;
using EventSourcing.Cosmos.Tests.Support;
using Microsoft.Azure.Cosmos;

namespace EventSourcing.Cosmos.Tests.Resilience;

/// <summary>The Polly pipeline every Cosmos call of the adapter runs through.</summary>
public sealed class RetryPipelineTests
{
    private static readonly CosmosRetryOptions Fast = new() { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1) };
    private readonly CapturingLogger _log = new();

    [Fact]
    public async Task An_unavailable_service_is_tried_again_until_it_answers()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.RequestTimeout, HttpStatusCode.OK]);

        var (response, calls) = await Run(Fast, () => new ResponseMessage(answers.Dequeue()));

        Assert.Equal((HttpStatusCode.OK, 3), (response.StatusCode, calls));
        Assert.Equal(["503", "408"], _log.Entries.Select(e => e.Values["Status"]));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_answer_is_handed_back()
    {
        var (response, calls) = await Run(Fast, () => new ResponseMessage(HttpStatusCode.ServiceUnavailable));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, Fast.MaxRetries + 1), (response.StatusCode, calls));
    }

    [Fact]
    public async Task A_throttled_call_waits_the_retry_after_the_service_asked_for()
    {
        // A backoff of its own would wait about five seconds; the service asked for 20 ms.
        var options = Fast with { BaseDelay = TimeSpan.FromSeconds(5) };
        var throttled = true;

        var (response, calls) = await Run(options, () =>
        {
            var answer = new ResponseMessage(throttled ? HttpStatusCode.TooManyRequests : HttpStatusCode.Created);
            if (throttled) answer.Headers["x-ms-retry-after-ms"] = "20";
            throttled = false;
            return answer;
        });

        Assert.Equal((HttpStatusCode.Created, 2), (response.StatusCode, calls));
        Assert.Equal(TimeSpan.FromMilliseconds(20), Assert.Single(_log.Entries).Values["Delay"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task Other_answers_are_returned_after_one_call(HttpStatusCode status)
    {
        var (response, calls) = await Run(Fast, () => new ResponseMessage(status));

        Assert.Equal((status, 1), (response.StatusCode, calls));
        Assert.Empty(_log.Entries);
    }

    [Fact]
    public async Task A_thrown_transient_fault_is_retried_and_a_thrown_conflict_is_not()
    {
        var pipeline = CosmosFaults.CreatePipeline(Fast, _log);
        var calls = 0;

        var answer = await pipeline.ExecuteAsync(_ => ++calls < 3
            ? throw new FaultPolicyTests.Throttled(TimeSpan.FromMilliseconds(1)) : ValueTask.FromResult("ok"), TestContext.Current.CancellationToken);
        var conflict = await Assert.ThrowsAsync<CosmosException>(async () =>
            await pipeline.ExecuteAsync<string>(_ => throw new CosmosException("exists", HttpStatusCode.Conflict, 0, "a", 1), TestContext.Current.CancellationToken));

        Assert.Equal(("ok", 3), (answer, calls));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task A_throttled_batch_is_sent_again()
    {
        var answers = new Queue<TransactionalBatchResponse>(
            [new FaultPolicyTests.BatchAnswer(HttpStatusCode.TooManyRequests, TimeSpan.FromMilliseconds(1)), new FaultPolicyTests.BatchAnswer(HttpStatusCode.OK)]);

        var result = await CosmosFaults.CreatePipeline(Fast, _log).ExecuteAsync(_ => ValueTask.FromResult(answers.Dequeue()), TestContext.Current.CancellationToken);

        Assert.True(result.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Retrying_can_be_turned_off()
    {
        var (response, calls) = await Run(Fast with { MaxRetries = 0 }, () => new ResponseMessage(HttpStatusCode.ServiceUnavailable));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1), (response.StatusCode, calls));
    }

    [Fact]
    public async Task Cancelling_stops_the_retries()
    {
        using var cancel = new CancellationTokenSource();
        var pipeline = CosmosFaults.CreatePipeline(Fast with { MaxRetries = 1000, BaseDelay = TimeSpan.FromMilliseconds(5) }, _log);
        var calls = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pipeline.ExecuteAsync(_ =>
        {
            if (++calls == 3) cancel.Cancel();
            return ValueTask.FromResult(new ResponseMessage(HttpStatusCode.ServiceUnavailable));
        }, cancel.Token));
        Assert.Equal(3, calls);
    }

    private async Task<(ResponseMessage Response, int Calls)> Run(CosmosRetryOptions options, Func<ResponseMessage> answer)
    {
        var calls = 0;
        var response = await CosmosFaults.CreatePipeline(options, _log).ExecuteAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(answer());
        }, TestContext.Current.CancellationToken);
        return (response, calls);
    }
}
