using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using EventSourcing.Benchmarks.Appends;
using EventSourcing.Benchmarks.Reads;

// Usage: dotnet run -c Release --project bench/EventSourcing.Benchmarks -- appends | reads [BenchmarkDotNet options]
switch (args.FirstOrDefault())
{
    case "appends":
        await AppendThroughput.RunAsync();
        break;
    case "reads":
        // Reports go next to the build output, not into whatever folder the command was run from.
        var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkRunner.Run<StreamReadBenchmarks>(config, args[1..]);
        break;
    default:
        Console.WriteLine("Usage: dotnet run -c Release --project bench/EventSourcing.Benchmarks -- <mode>");
        Console.WriteLine("  appends  durable append throughput: group commit vs one commit per append (64 writers, 1,000 streams)");
        Console.WriteLine("  reads    BenchmarkDotNet: read a 10,000-event stream, rehydrate it with and without a snapshot");
        break;
}
