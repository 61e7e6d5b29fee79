using Ordering.Benchmarks.CatchUp;
using Ordering.Benchmarks.Http;
using Ordering.Benchmarks.Sagas;

// Usage: dotnet run -c Release --project bench/Ordering.Benchmarks -- http | catchup | sagas
switch (args.FirstOrDefault())
{
    case "http":
        await CommandThroughput.RunAsync();
        break;
    case "catchup":
        await CatchUpThroughput.RunAsync();
        break;
    case "sagas":
        await SagaThroughput.RunAsync();
        break;
    default:
        Console.WriteLine("Usage: dotnet run -c Release --project bench/Ordering.Benchmarks -- <mode>");
        Console.WriteLine("  http     AddItem commands over HTTP on the in-process backend (64 clients, 1,000 orders) vs bare Kestrel");
        Console.WriteLine("  catchup  projection catch-up from position zero: ~200,000 ordering events into the 4 read models");
        Console.WriteLine("  sagas    checkout sagas end to end: checkout, payment callback, poll until the saga ends (64 flows)");
        break;
}
