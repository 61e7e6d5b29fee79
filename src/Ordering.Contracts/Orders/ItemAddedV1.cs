namespace Ordering.Contracts.Orders;

/// <summary>
/// The shape <c>ItemAdded</c> was stored in as schema v1, before orders had a currency (every order was in
/// <see cref="OrderingEventTypes.LegacyCurrency"/>). Never written any more; stores still hold it, and the serializer
/// reads it as <see cref="ItemAdded"/> through the upcaster. It is here so the catalog can describe that shape.
/// </summary>
public sealed record ItemAddedV1(string OrderId, string Sku, int Quantity, decimal Price);
