using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventSourcing.Catalog;

/// <summary>
/// An event catalog as files for a docs folder: a README.md with one table row per stored name and version, and one
/// JSON Schema file per row. Deterministic, so a committed copy can be compared with a fresh rendering.
/// </summary>
public static class EventCatalogDocuments
{
    /// <summary>The name of the catalog's index file, beside the schema files.</summary>
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
        foreach (var entry in catalog.Events) files[entry.SchemaFile] = SchemaText(entry.Schema);
        return files;
    }

    /// <summary>A schema as a file holds it: indented, one newline at the end, apostrophes and '+' unescaped.</summary>
    public static string SchemaText(JsonNode schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// For the schema of an envelope that carries an event (members <c>type</c>, <c>schemaVersion</c> and <c>data</c>): one
    /// <c>if</c>/<c>then</c> per catalog entry that holds its <c>data</c> to the entry's schema file, referenced relative to
    /// the envelope's schema as <paramref name="catalogFolder"/> + file name. A name or version the catalog does not
    /// know is left open, so a subscriber's validation lets events newer than its copy of the catalog through.
    /// </summary>
    /// <param name="dataIsJsonText">The envelope keeps <c>data</c> as JSON text (a string): its content is described instead.</param>
    public static JsonArray DataByTypeAndVersion(EventCatalog catalog, string catalogFolder, bool dataIsJsonText = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new JsonArray([.. catalog.Events.Select(entry => (JsonNode)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["const"] = entry.Name },
                    ["schemaVersion"] = new JsonObject { ["const"] = entry.SchemaVersion },
                },
                ["required"] = new JsonArray("type", "schemaVersion"),
            },
            ["then"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["data"] = dataIsJsonText
                        ? new JsonObject { ["contentMediaType"] = "application/json", ["contentSchema"] = new JsonObject { ["$ref"] = catalogFolder + entry.SchemaFile } }
                        : new JsonObject { ["$ref"] = catalogFolder + entry.SchemaFile },
                },
            },
        })]);
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
