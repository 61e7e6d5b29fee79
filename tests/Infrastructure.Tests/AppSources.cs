using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Infrastructure.Tests;

/// <summary>
/// The settings the Functions app reads, found in its source: the app's project and every project it references, and
/// host.json. Keys are in app-setting form (<c>Section__Key</c>, as configuration's <c>Section:Key</c> is set in Azure).
/// </summary>
public static partial class AppSources
{
    private const string AppProject = "src/Ordering.Functions/Ordering.Functions.csproj";

    /// <summary>Keys read through configuration: <c>configuration["…"]</c>, <c>GetValue("…")</c>, <c>GetSection("…")</c>, <c>GetConnectionString("…")</c>.</summary>
    public static IReadOnlySet<string> ConfigurationKeys() => Matches(SourceText(), ConfigurationRead());

    /// <summary>Settings resolved by the Functions host: <c>%Name%</c> in trigger attributes and host.json.</summary>
    public static IReadOnlySet<string> PercentSettings() =>
        Matches(SourceText() + File.ReadAllText(Repo.File("host.json")), PercentSetting());

    /// <summary>Connection names of the triggers (<c>Connection = "…"</c>): a connection string under that name, or its identity form.</summary>
    public static IReadOnlySet<string> Connections() => Matches(SourceText(), ConnectionName());

    /// <summary>The containers the change-feed triggers watch and keep leases in.</summary>
    public static IReadOnlySet<string> TriggerContainers() =>
        new HashSet<string>(Matches(SourceText(), TriggerContainer()).Concat(Matches(SourceText(), LeaseContainer())));

    public static IReadOnlyList<string> SourceFiles() =>
        [.. Projects(Repo.File(AppProject)).SelectMany(project => Directory
            .EnumerateFiles(Path.GetDirectoryName(project)!, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")))
            .Order(StringComparer.Ordinal)];

    private static string SourceText() => string.Join("\n", SourceFiles().Select(File.ReadAllText));

    /// <summary>The project and everything it references, transitively.</summary>
    private static HashSet<string> Projects(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current)) continue;
            foreach (var reference in XDocument.Load(current).Descendants("ProjectReference"))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, ((string)reference.Attribute("Include")!).Replace('\\', '/'))));
        }
        return seen;
    }

    private static HashSet<string> Matches(string text, Regex pattern) =>
        [.. pattern.Matches(text).Select(m => m.Groups["name"].Value.Replace(":", "__", StringComparison.Ordinal))];

    [GeneratedRegex("""(?:[cC]onfiguration\s*\[\s*|\.(?:GetValue|GetSection|GetConnectionString|GetRequiredSection)(?:<[^>()]+>)?\(\s*)"(?<name>[^"]+)"\s*[\]),]""")]
    private static partial Regex ConfigurationRead();

    // Quoted, as in an attribute argument or a host.json value (a %word% in a comment is no setting).
    [GeneratedRegex(@"""%(?<name>[A-Za-z_][A-Za-z0-9_]*)%""")]
    private static partial Regex PercentSetting();

    [GeneratedRegex("""\bConnection\s*=\s*"(?<name>[^"]+)"(?!\s*\+)""")]
    private static partial Regex ConnectionName();

    [GeneratedRegex("""CosmosDBTrigger\(\s*"[^"]*"\s*,\s*"(?<name>[^"]+)"(?!\s*\+)""")]
    private static partial Regex TriggerContainer();

    [GeneratedRegex("""LeaseContainerName\s*=\s*"(?<name>[^"]+)"(?!\s*\+)""")]
    private static partial Regex LeaseContainer();
}
