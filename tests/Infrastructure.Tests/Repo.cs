namespace Infrastructure.Tests;

/// <summary>Paths in the repository this test assembly was built from.</summary>
public static class Repo
{
    public static string Root { get; } = Bicep.Metadata("RepositoryRoot");

    public static string Infra(string relativePath) => Path.Combine(Root, "infra", relativePath);

    public static string File(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>main.bicep and every module, as paths relative to infra/.</summary>
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string> { "main.bicep" };
        foreach (var module in Directory.GetFiles(Infra("modules"), "*.bicep").Order(StringComparer.Ordinal))
            data.Add(Path.Combine("modules", Path.GetFileName(module)));
        return data;
    }
}
