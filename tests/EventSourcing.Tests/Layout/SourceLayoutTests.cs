using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace EventSourcing.Tests.Layout;

/// <summary>
/// A reader finds a type by its file. In the building-block libraries every file is named for a type it declares; the
/// domains (ordering, the bank sample) keep an aggregate's events or commands, and a saga's messages, as one list in one
/// file on purpose. Nowhere is a type spread over several files: a partial class split only to keep files short hides a
/// type with many jobs.
/// </summary>
public sealed class SourceLayoutTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> SourceFolders => ["src", "samples"];

    public static TheoryData<string> Libraries =>
        ["src/EventSourcing", "src/EventSourcing.Sqlite", "src/EventSourcing.Cosmos", "src/EventSourcing.Durable", "src/EventSourcing.Http"];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Every_file_of_a_library_is_named_for_a_type_it_declares(string folder)
    {
        var misnamed = SourceFiles(folder)
            .Select(file => (file, types: TopLevelTypes(file).Select(t => t.Identifier.Text).ToList()))
            .Where(f => f.types.Count > 0 && !f.types.Contains(Path.GetFileNameWithoutExtension(f.file)))
            .Select(f => $"{Path.GetRelativePath(Root, f.file)} declares {string.Join(", ", f.types)}")
            .ToList();

        Assert.True(misnamed.Count == 0, "Files not named for a type they hold:\n" + string.Join('\n', misnamed));
    }

    [Theory]
    [MemberData(nameof(SourceFolders))]
    public void No_type_is_spread_over_several_files(string folder)
    {
        var spread = SourceFiles(folder)
            .SelectMany(file => TopLevelTypes(file).Select(type => (file, name: $"{Namespace(type)}.{type.Identifier.Text}")))
            .GroupBy(t => t.name)
            .Where(g => g.Select(t => t.file).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => Path.GetRelativePath(Root, t.file)))}")
            .ToList();

        Assert.True(spread.Count == 0, "Types declared in more than one file:\n" + string.Join('\n', spread));
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    private static IEnumerable<BaseTypeDeclarationSyntax> TopLevelTypes(string file) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<BaseTypeDeclarationSyntax>();

    private static string Namespace(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
