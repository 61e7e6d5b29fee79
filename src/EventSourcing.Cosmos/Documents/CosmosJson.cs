using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSourcing.Cosmos.Documents;

/// <summary>
/// How every document this adapter writes is serialized: System.Text.Json with explicit property names. The adapter
/// reads and writes streams itself, so documents look the same whatever serializer the CosmosClient was given.
/// </summary>
public static class CosmosJson
{
    /// <summary>The options every document is written and read with.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Event data is stored as a JSON string: the default encoder would write every quote of it as \u0022 (six
        // bytes) and every non-ASCII character as \uXXXX, making documents, and so request units, up to twice as big.
        // These documents are never embedded in HTML, which is all the stricter escaping protects.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Reads the items of one page of a query or change-feed response (<c>{"Documents":[…]}</c>).</summary>
    public static List<T> ReadPage<T>(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var page = JsonDocument.Parse(content);
        if (!page.RootElement.TryGetProperty("Documents", out var documents)) return [];
        return [.. documents.EnumerateArray().Select(d => d.Deserialize<T>(Options)!)];
    }
}
