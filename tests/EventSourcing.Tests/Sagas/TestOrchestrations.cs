using EventSourcing.Sagas;
using Microsoft.Extensions.Logging;

namespace EventSourcing.Tests.Sagas;

/// <summary>Small orchestrators that exercise one runner guarantee each, and activities that count their runs.</summary>
public sealed class TestOrchestrations
{
    private int _flakyFailuresLeft;

    private int _addRuns;
    private int _slowRuns;

    public int AddRuns => _addRuns;

    public int SlowRuns => _slowRuns;

    /// <summary>Set to model a code change between two runs of the same instance.</summary>
    public bool ChangedCode { get; set; }

    /// <summary>Blocks the "Slow" activity until released, so a test can act while a step is in flight.</summary>
    public TaskCompletionSource SlowGate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestOrchestrations FailFirst(int attempts)
    {
        _flakyFailuresLeft = attempts;
        return this;
    }

    public OrchestrationRegistry Registry() => new OrchestrationRegistry()
        .AddOrchestrator<int[], int>("Sum", async (context, numbers) =>
        {
            var total = 0;
            foreach (var n in numbers)
            {
                total = await context.CallActivityAsync<int>("Add", new[] { total, n });
                context.SetCustomStatus(new { total });
            }
            return total;
        })
        .AddOrchestrator<double, string>("Approval", async (context, seconds) =>
        {
            using var cancel = new CancellationTokenSource();
            var approval = context.WaitForExternalEvent<string>("Approve", cancel.Token);
            var deadline = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(seconds), cancel.Token);
            var winner = await Task.WhenAny(approval, deadline);
#pragma warning disable CA1849 // the loser is cancelled on the orchestrator's thread
            cancel.Cancel();
#pragma warning restore CA1849
            return winner == approval ? "approved by " + await approval : "timed out";
        })
        .AddOrchestrator<double, string>("ApprovalWithTimeout", async (context, seconds) =>
        {
            try
            {
                return "approved by " + await context.WaitForExternalEvent<string>("Approve", TimeSpan.FromSeconds(seconds));
            }
            catch (TaskCanceledException)
            {
                return "timed out";
            }
        })
        .AddOrchestrator<string, string>("SlowThenEvent", async (context, _) =>
        {
            await context.CallActivityAsync<int>("Slow");
            return await context.WaitForExternalEvent<string>("Go");
        })
        .AddOrchestrator<int, string>("Flaky", async (context, attempts) =>
        {
            try
            {
                return await context.CallActivityAsync<string>("Flaky", null, new ActivityRetryPolicy(attempts, TimeSpan.FromMilliseconds(10)));
            }
            catch (ActivityFailedException e)
            {
                return $"{e.ActivityName} failed: {e.ErrorType}: {e.ErrorMessage}";
            }
        })
        .AddOrchestrator<string, string>("Changing", async (context, _) =>
        {
            if (ChangedCode) await context.CallActivityAsync<int>("Slow");
            else await context.CallActivityAsync<int>("Add", new[] { 0, 1 });
            return await context.WaitForExternalEvent<string>("Go");
        })
        .AddOrchestrator<string, int>("Logged", async (context, _) =>
        {
            var log = context.CreateReplaySafeLogger("saga-test");
            log.LogInformation("before");
            var one = await context.CallActivityAsync<int>("Add", new[] { 0, 1 });
            log.LogInformation("after one");
            var two = await context.CallActivityAsync<int>("Add", new[] { one, 1 });
            log.LogInformation("done");
            return two;
        })
        .AddOrchestrator<string, Guid[]>("Guids", (context, _) => Task.FromResult(new[] { context.NewGuid(), context.NewGuid() }))
        .AddActivity<int[], int>("Add", (pair, _) =>
        {
            Interlocked.Increment(ref _addRuns);
            return Task.FromResult(pair[0] + pair[1]);
        })
        .AddActivity<string?, int>("Slow", async (_, ct) =>
        {
            Interlocked.Increment(ref _slowRuns);
            await SlowGate.Task.WaitAsync(ct);
            return 1;
        })
        .AddActivity<string?, string>("Flaky", (_, _) =>
            Interlocked.Decrement(ref _flakyFailuresLeft) >= 0
                ? throw new InvalidOperationException("the service is busy")
                : Task.FromResult("worked"));
}
