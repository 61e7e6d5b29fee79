using Ordering.Functions.Tests.Support;

namespace Ordering.Functions.Tests;

/// <summary>
/// Function names are how Azure knows a function: its keys, its metrics and logs, its lease prefix defaults, Durable's
/// task names. Renaming one silently drops those, so the set is pinned here and a rename shows in review.
/// </summary>
public sealed class FunctionNamesTests
{
    private static readonly string[] Pinned =
    [
        // HTTP
        "CreateOrder", "ListOrders", "GetOrder", "AddItem", "RemoveItem", "StartCheckout", "ShipOrder", "RequestCancellation", "CustomerSummary",
        "ConfirmPayment", "FailPayment", "GetStock", "Restock", "ListSagas", "GetSaga",
        "ListStreams", "StreamEvents", "ReadEventFeed", "TraceCorrelation", "Projections", "RebuildProjection", "DeadLetters", "RetryDeadLetters",
        "SubscriptionDeadLetters", "RetrySubscriptionDeadLetters", "OpenApiDocument", "Health", "EventCatalog", "OperatorConsole",
        // Change feed
        "ProjectReadModels", "TriggerCheckoutSagas", "RefundLatePayments",
        // Durable: the checkout orchestrator and its activities
        "Checkout", "ReserveStock", "ReleaseStock", "CommitStock", "RequestPayment", "RefundPayment", "ConfirmOrder", "CancelOrder",
    ];

    [Fact]
    public void The_app_has_exactly_the_pinned_functions()
    {
        SameSet.Assert(FunctionsApp.Functions.Select(FunctionsApp.NameOf), "the Functions app", Pinned, "the pinned list", StringComparer.Ordinal);
    }

    [Fact]
    public void No_two_functions_share_a_name_even_in_another_case()
    {
        // The host compares function names case-insensitively: two that differ in case only are one function to it.
        var shared = FunctionsApp.Functions.GroupBy(FunctionsApp.NameOf, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => $"{f.DeclaringType!.Name}.{f.Name}"))}");

        Assert.Empty(shared);
    }
}
