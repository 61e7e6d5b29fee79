using EventSourcing.Projections;

namespace Ordering.ReadModels;

/// <summary>Every read model of the ordering domain, for the host to hand to its projection runner.</summary>
public static class OrderingReadModels
{
    public static IReadOnlyList<IProjection> All { get; } =
    [
        new OrderDetailsProjection(),
        new OrderListProjection(),
        new InventoryProjection(),
        new CustomerSummaryProjection(),
    ];
}
