namespace EventSourcing.Subscriptions;

/// <summary>An operation named a subscription the host does not run.</summary>
public sealed class UnknownSubscriptionException(string name) : KeyNotFoundException($"There is no subscription named '{name}'.")
{
    /// <summary>The subscription name asked for.</summary>
    public string Name { get; } = name;
}
