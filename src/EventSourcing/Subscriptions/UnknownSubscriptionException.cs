namespace EventSourcing.Subscriptions;

/// <summary>An operation named a subscription the host does not run.</summary>
public sealed class UnknownSubscriptionException(string name) : KeyNotFoundException($"There is no subscription named '{name}'.")
{
    public string Name { get; } = name;
}
