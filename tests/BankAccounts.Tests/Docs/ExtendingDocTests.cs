namespace BankAccounts.Tests.Docs;

/// <summary>docs/extending.md shows the bank sample's code as it is: each snippet is a region of the sample's source.</summary>
public sealed class ExtendingDocTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Every_snippet_in_the_extending_guide_is_the_sample_source_it_names()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "extending.md"));

        var problems = DocSnippets.Problems(doc, ReadSource);

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_guide_shows_an_aggregate_a_projection_a_saga_and_a_subscriber_from_the_sample()
    {
        var markers = DocSnippets.Markers(File.ReadAllText(Path.Combine(Root, "docs", "extending.md")));

        foreach (var region in new[] { "account-decider", "event-types", "statement-projection", "transfer-saga", "transfer-saga-definition", "transfer-trigger", "composition" })
            Assert.Contains(markers, m => m.EndsWith("#" + region, StringComparison.Ordinal));
    }

    [Fact]
    public void A_snippet_that_drifted_from_its_source_is_reported()
    {
        const string source = "class A\n{\n    #region r\n    int X => 1;\n    #endregion\n}\n";
        const string doc = "<!-- snippet: A.cs#r -->\n```csharp\nint X => 2;\n```\n";

        var problems = DocSnippets.Problems(doc, path => path == "A.cs" ? source : null);

        Assert.Contains("A.cs#r: the snippet differs", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Empty(DocSnippets.Problems(doc.Replace("=> 2", "=> 1", StringComparison.Ordinal), path => path == "A.cs" ? source : null));
    }

    [Fact]
    public void A_snippet_without_a_marker_or_naming_a_missing_region_is_reported()
    {
        var problems = DocSnippets.Problems("```csharp\nvar x = 1;\n```\n<!-- snippet: A.cs#gone -->\n```csharp\nx\n```\n", _ => "no regions");

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("has no snippet marker", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("A.cs#gone: the file has no '#region gone'", StringComparison.Ordinal));
    }

    private static string? ReadSource(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        return full.StartsWith(Root, StringComparison.Ordinal) && File.Exists(full) ? File.ReadAllText(full) : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName + Path.DirectorySeparatorChar;
        throw new InvalidOperationException("The repository root (with Functions.sln) is not above " + AppContext.BaseDirectory);
    }
}
