using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EventSourcing.Catalog;

/// <summary>
/// An event catalog as files for a docs folder: a README.md with one table row per stored name and version, and one
/// JSON Schema file per row. Deterministic, so a committed copy can be compared with a fresh rendering.
/// </summary>
public static class EventCatalogDocuments
{
    public const string IndexFileName = "README.md";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Schemas are read by people too: keep apostrophes and '+' of offsets as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>File name to content, the index first; <paramref name="preamble"/> (Markdown) opens the index below its title.</summary>
    public static IReadOnlyDictionary<string, string> Render(EventCatalog catalog, string preamble)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [IndexFileName] = Index(catalog, preamble) };
        foreach (var entry in catalog.Events) files[entry.SchemaFile] = entry.Schema.ToJsonString(Indented) + "\n";
        return files;
    }

    private static string Index(EventCatalog catalog, string preamble)
    {
        var index = new StringBuilder()
            .Append("# Event catalog\n\n")
            .Append(preamble.Trim()).Append("\n\n")
            .Append("| event | version | meaning | schema |\n")
            .Append("|---|---|---|---|\n");
        foreach (var entry in catalog.Events)
        {
            var version = entry.Current ? $"{entry.SchemaVersion}" : $"{entry.SchemaVersion} (former, read upcast)";
            index.Append(CultureInfo.InvariantCulture, $"| `{entry.Name}` | {version} | {entry.Description.Replace("|", "\\|", StringComparison.Ordinal)} | [{entry.SchemaFile}]({entry.SchemaFile}) |\n");
        }
        return index.ToString();
    }
}
