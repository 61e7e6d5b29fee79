using System.Text.RegularExpressions;

namespace BankAccounts.Tests.Docs;

/// <summary>
/// Checks a Markdown document's C# snippets against the source they are taken from. A snippet is a ```csharp block
/// right after a marker <c>&lt;!-- snippet: path/to/File.cs#region-name --&gt;</c>; it must equal the lines between
/// <c>#region region-name</c> and its <c>#endregion</c> in that file (nested region lines left out, common indentation
/// removed). A ```csharp block without a marker is a problem too: nothing would keep it true.
/// </summary>
public static partial class DocSnippets
{
    /// <summary>What is wrong with the document's snippets; empty when every one matches its source.</summary>
    /// <param name="readSource">The text of a repository file by its path from the repository root; null when there is none.</param>
    public static IReadOnlyList<string> Problems(string markdown, Func<string, string?> readSource)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(readSource);
        var problems = new List<string>();
        var text = Normalize(markdown);
        var marked = new HashSet<int>();
        foreach (Match m in Marked().Matches(text))
        {
            marked.Add(m.Groups["block"].Index);
            var (path, region) = (m.Groups["path"].Value, m.Groups["region"].Value);
            var source = readSource(path);
            if (source is null)
            {
                problems.Add($"{path}#{region}: no such file");
                continue;
            }
            var expected = Region(Normalize(source), region);
            if (expected is null) problems.Add($"{path}#{region}: the file has no '#region {region}'");
            else if (expected != m.Groups["code"].Value)
                problems.Add($"{path}#{region}: the snippet differs from the source.\n--- source:\n{expected}\n--- doc:\n{m.Groups["code"].Value}");
        }
        foreach (Match block in CSharpBlock().Matches(text))
            if (!marked.Contains(block.Index))
                problems.Add($"a ```csharp block at line {text[..block.Index].Count(c => c == '\n') + 1} has no snippet marker");
        return problems;
    }

    /// <summary>The markers in the document, as "path#region".</summary>
    public static IReadOnlyList<string> Markers(string markdown) =>
        [.. Marked().Matches(Normalize(markdown)).Select(m => $"{m.Groups["path"].Value}#{m.Groups["region"].Value}")];

    private static string? Region(string source, string name)
    {
        var lines = source.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == $"#region {name}");
        if (start < 0) return null;
        var body = new List<string>();
        var depth = 1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.StartsWith("#region", StringComparison.Ordinal)) { depth++; continue; }
            if (trimmed.StartsWith("#endregion", StringComparison.Ordinal) && --depth == 0) return Dedent(body);
            if (trimmed.StartsWith("#endregion", StringComparison.Ordinal)) continue;
            body.Add(lines[i]);
        }
        return null;
    }

    private static string Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? "" : l[indent..]));
    }

    private static string Normalize(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()));

    [GeneratedRegex(@"<!-- snippet: (?<path>[^#\s]+)#(?<region>[\w-]+) -->\n(?<block>```csharp\n(?<code>.*?)\n```)", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex(@"^```csharp$", RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
