using Benchmarks;
using Ordering.Benchmarks.CatchUp;
using Ordering.Benchmarks.Http;
using Ordering.Benchmarks.Sagas;

// Usage: dotnet run -c Release --project bench/Ordering.Benchmarks -- <verb> [--quick]
// tools/benchmarks runs every verb `list` prints and writes their output to docs/benchmarks.md.
Verb[] verbs =
[
    new("http", "AddItem commands over HTTP on the in-process backend (64 clients, 1,000 orders) vs bare Kestrel",
        (quick, _) => CommandThroughput.RunAsync(quick ? CommandLoad.Quick : CommandLoad.Full)),
    new("catchup", "projection catch-up from position zero: ~200,000 ordering events into the 4 read models",
        (quick, _) => CatchUpThroughput.RunAsync(quick)),
    new("sagas", "checkout sagas end to end: checkout, payment callback, poll until the saga ends (64 flows)",
        (quick, _) => SagaThroughput.RunAsync(quick)),
];
return await Verb.RunAsync(verbs, args, "bench/Ordering.Benchmarks");
