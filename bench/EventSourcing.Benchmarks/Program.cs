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
        BenchmarkRunner.Run<StreamReadBenchmarks>(args: args[1..]);
        break;
    default:
        Console.WriteLine("Usage: dotnet run -c Release --project bench/EventSourcing.Benchmarks -- <mode>");
        Console.WriteLine("  appends  durable append throughput: group commit vs one commit per append (64 writers, 1,000 streams)");
        Console.WriteLine("  reads    BenchmarkDotNet: read a 10,000-event stream, rehydrate it with and without a snapshot");
        break;
}
