using System.Text.Json;

namespace EventSourcing.Sagas;

/// <summary>The orchestrator's custom status and its steps, as one JSON value in a runtime's custom status.</summary>
public sealed record SagaStatusEnvelope(JsonElement? Status, IReadOnlyList<SagaStep> Steps)
{
    /// <summary>The envelope in <paramref name="json"/>, or null when it holds a plain custom status.</summary>
    public static SagaStatusEnvelope? TryRead(JsonElement json, JsonSerializerOptions options) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array
            ? json.Deserialize<SagaStatusEnvelope>(options)
            : null;
}
