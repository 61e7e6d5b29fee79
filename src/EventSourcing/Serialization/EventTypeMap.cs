using System.Text.Json.Nodes;

namespace EventSourcing.Serialization;

/// <summary>
/// Maps CLR event types to their declared stored names and current schema versions, and holds the
/// upcasters that turn older stored shapes into the current one at read time.
/// </summary>
public sealed class EventTypeMap
{
    private readonly Dictionary<Type, StoredType> _byClrType = [];
    private readonly Dictionary<string, (Type ClrType, int SchemaVersion)> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, int FromVersion), Func<JsonObject, JsonObject>> _upcasters = [];
    private readonly List<string> _declarationOrder = [];

    /// <summary>Declares <typeparamref name="T"/> as stored under <paramref name="storedName"/> in shape <paramref name="schemaVersion"/>.</summary>
    public EventTypeMap Register<T>(string storedName, int schemaVersion = 1) => Register(typeof(T), storedName, schemaVersion);

    /// <inheritdoc cref="Register{T}(string, int)"/>
    public EventTypeMap Register(Type clrType, string storedName, int schemaVersion = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        if (_byName.TryGetValue(storedName, out var existing) && existing.ClrType != clrType)
            throw new InvalidOperationException($"Stored name '{storedName}' is already declared for {existing.ClrType.Name}.");
        if (_byClrType.TryGetValue(clrType, out var declared) && declared.Name != storedName)
            throw new InvalidOperationException($"{clrType.Name} is already declared as '{declared.Name}'.");
        _byClrType[clrType] = new StoredType(storedName, schemaVersion);
        if (!_byName.ContainsKey(storedName)) _declarationOrder.Add(storedName);
        _byName[storedName] = (clrType, schemaVersion);
        return this;
    }

    /// <summary>Adds the step that turns <paramref name="storedName"/> data of shape <paramref name="fromVersion"/> into shape <paramref name="fromVersion"/> + 1.</summary>
    public EventTypeMap AddUpcaster(string storedName, int fromVersion, Func<JsonObject, JsonObject> upcast)
    {
        ArgumentNullException.ThrowIfNull(upcast);
        if (!_upcasters.TryAdd((storedName, fromVersion), upcast))
            throw new InvalidOperationException($"An upcaster from '{storedName}' v{fromVersion} is already declared.");
        return this;
    }

    /// <summary>The stored name and current schema version of <paramref name="clrType"/>.</summary>
    /// <exception cref="UnknownEventTypeException">The type was never declared.</exception>
    public StoredType GetStoredType(Type clrType) =>
        _byClrType.TryGetValue(clrType, out var stored)
            ? stored
            : throw new UnknownEventTypeException($"{clrType.FullName} has no declared stored name; register it in the event type map.");

    /// <summary>The CLR type and current schema version for a stored name.</summary>
    /// <exception cref="UnknownEventTypeException">No type is declared under that name.</exception>
    public (Type ClrType, int SchemaVersion) GetClrType(string storedName) =>
        _byName.TryGetValue(storedName, out var found)
            ? found
            : throw new UnknownEventTypeException($"No event type is declared under the stored name '{storedName}'.");

    /// <summary>Every declared stored name with its CLR type and current schema version, in the order they were declared.</summary>
    public IReadOnlyList<DeclaredEventType> Declared =>
        [.. _declarationOrder.Select(name => new DeclaredEventType(name, _byName[name].ClrType, _byName[name].SchemaVersion))];

    /// <summary>Whether an upcaster turns <paramref name="storedName"/> data of shape <paramref name="fromVersion"/> into the next one.</summary>
    public bool HasUpcaster(string storedName, int fromVersion) => _upcasters.ContainsKey((storedName, fromVersion));

    /// <summary>Whether a stored name is declared.</summary>
    public bool IsKnown(string storedName) => _byName.ContainsKey(storedName);

    /// <summary>Brings <paramref name="data"/> from <paramref name="fromVersion"/> to the current shape, step by step.</summary>
    public JsonObject Upcast(string storedName, int fromVersion, JsonObject data)
    {
        var (_, current) = GetClrType(storedName);
        if (fromVersion > current)
            throw new UnknownEventTypeException($"'{storedName}' v{fromVersion} is newer than this code, which knows up to v{current}.");
        for (var v = fromVersion; v < current; v++)
        {
            if (!_upcasters.TryGetValue((storedName, v), out var step))
                throw new UnknownEventTypeException($"No upcaster turns '{storedName}' v{v} into v{v + 1}.");
            data = step(data);
        }
        return data;
    }
}
