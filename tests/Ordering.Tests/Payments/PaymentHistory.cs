using Ordering.Contracts.Payments;
using Ordering.Domain.Payments;
using Ordering.Tests.Support;

namespace Ordering.Tests.Payments;

/// <summary>One order's payment events, for Given clauses.</summary>
public static class PaymentHistory
{
    public const string Id = "o1";

    public static DeciderSpec<PaymentCommand, PaymentEvent, PaymentState> Payment { get; } = new(PaymentDecider.Decider);

    public static PaymentRequested Requested { get; } = new(Id, 19m, "EUR");

    public static PaymentConfirmed Confirmed { get; } = new(Id, 19m);

    public static PaymentFailed Failed { get; } = new(Id, "card declined");

    public static PaymentRefunded Refunded { get; } = new(Id, 19m, "order cancelled");
}
