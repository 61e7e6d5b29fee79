namespace Benchmarks;

/// <summary>
/// One benchmark a bench program runs, by name. Both programs link this file, so tools/benchmarks can ask each for its
/// verbs (<c>list</c>) and run every one, with <c>--quick</c> for a smoke run.
/// </summary>
/// <param name="Run">Runs it, quick (a smoke run: shorter, figures not comparable) or not, with the arguments after the verb.</param>
internal sealed record Verb(string Name, string Description, Func<bool, string[], Task> Run)
{
    public const string QuickFlag = "--quick";

    /// <summary>Runs the verb named by the first argument; <c>list</c> prints "name TAB description" per verb; else usage.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<Verb> verbs, string[] args, string project)
    {
        var name = args.FirstOrDefault();
        if (name == "list")
        {
            foreach (var verb in verbs) Console.WriteLine($"{verb.Name}\t{verb.Description}");
            return 0;
        }
        if (verbs.FirstOrDefault(v => v.Name == name) is { } chosen)
        {
            var rest = args[1..];
            await chosen.Run(rest.Contains(QuickFlag), [.. rest.Where(a => a != QuickFlag)]);
            return 0;
        }
        // Asked for nothing: usage is the answer. An unknown verb is an error a script must see.
        var output = name is null ? Console.Out : Console.Error;
        output.WriteLine($"Usage: dotnet run -c Release --project {project} -- <verb> [{QuickFlag}]   (or: list)");
        foreach (var verb in verbs) output.WriteLine($"  {verb.Name,-8} {verb.Description}");
        return name is null ? 0 : 2;
    }
}
