namespace EventSourcing.Catalog;

/// <summary>
/// What an event catalog says of each event beyond its shape: one line of what the fact means and an example. The
/// current shape of a stored name is described by its CLR type; an older shape that upcasters still read, by a type
/// that has that old shape (see <see cref="DescribeFormerShape{TShape}"/>).
/// </summary>
public sealed class EventDescriptions
{
    private readonly Dictionary<Type, EventDescription> _current = [];
    private readonly Dictionary<(string Name, int SchemaVersion), FormerShape> _former = [];

    /// <summary>Describes the current shape of the event type <typeparamref name="TEvent"/>.</summary>
    public EventDescriptions Describe<TEvent>(string meaning, TEvent example) where TEvent : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meaning);
        ArgumentNullException.ThrowIfNull(example);
        if (!_current.TryAdd(typeof(TEvent), new EventDescription(meaning, example)))
            throw new InvalidOperationException($"{typeof(TEvent).Name} is already described.");
        return this;
    }

    /// <summary>
    /// Describes shape <paramref name="schemaVersion"/> of <paramref name="storedName"/>, no longer written but still in
    /// stores and read through upcasters, by <typeparamref name="TShape"/>: a type that serializes to that old shape.
    /// </summary>
    public EventDescriptions DescribeFormerShape<TShape>(string storedName, int schemaVersion, string meaning, TShape example) where TShape : notnull
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storedName);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(meaning);
        ArgumentNullException.ThrowIfNull(example);
        if (!_former.TryAdd((storedName, schemaVersion), new FormerShape(typeof(TShape), new EventDescription(meaning, example))))
            throw new InvalidOperationException($"'{storedName}' v{schemaVersion} is already described.");
        return this;
    }

    internal EventDescription? Of(Type eventType) => _current.GetValueOrDefault(eventType);

    internal FormerShape? Of(string storedName, int schemaVersion) => _former.GetValueOrDefault((storedName, schemaVersion));

    internal IEnumerable<Type> DescribedTypes => _current.Keys;

    internal IEnumerable<(string Name, int SchemaVersion)> DescribedFormerShapes => _former.Keys;

    internal sealed record EventDescription(string Meaning, object Example);

    internal sealed record FormerShape(Type ShapeType, EventDescription Description);
}
