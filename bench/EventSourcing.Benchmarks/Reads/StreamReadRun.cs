using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EventSourcing.Benchmarks.Reads;

/// <summary>Runs <see cref="StreamReadBenchmarks"/> with the job of the chosen mode.</summary>
internal static class StreamReadRun
{
    /// <param name="quick">One cold iteration in this process (no generated project to build): proves the benchmarks run, measures nothing.</param>
    /// <param name="options">BenchmarkDotNet's own command-line options (e.g. --artifacts, --filter).</param>
    public static Task RunAsync(bool quick, string[] options)
    {
        var job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Full");
        // Reports go next to the build output, not into whatever folder the command was run from (--artifacts overrides).
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        var summary = BenchmarkRunner.Run<StreamReadBenchmarks>(config, options);
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            throw new InvalidOperationException("A read benchmark failed; see the log above.");
        Console.WriteLine($"Reports: {summary.ResultsDirectoryPath}");
        return Task.CompletedTask;
    }
}
