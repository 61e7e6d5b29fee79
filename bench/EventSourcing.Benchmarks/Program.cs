using Benchmarks;
using EventSourcing.Benchmarks.Appends;
using EventSourcing.Benchmarks.Reads;

// Usage: dotnet run -c Release --project bench/EventSourcing.Benchmarks -- <verb> [--quick] [BenchmarkDotNet options]
// tools/benchmarks runs every verb `list` prints and writes their output to docs/benchmarks.md.
Verb[] verbs =
[
    new("appends", "durable append throughput: group commit vs the same writer committing one append per transaction (64 writers, 1,000 streams)",
        (quick, _) => AppendThroughput.RunAsync(quick)),
    new("reads", "BenchmarkDotNet: read a 10,000-event stream, rehydrate it with and without a snapshot",
        (quick, options) => StreamReadRun.RunAsync(quick, options)),
];
return await Verb.RunAsync(verbs, args, "bench/EventSourcing.Benchmarks");
