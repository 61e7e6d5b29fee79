using EventSourcing.Deciders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Payments;
using static Ordering.Tests.Payments.PaymentHistory;

namespace Ordering.Tests.Payments;

public sealed class RefundPaymentTests
{
    [Fact]
    public void A_confirmed_payment_is_refunded_in_full_with_the_reason() =>
        Payment.Given(Requested, Confirmed)
            .When(new RefundPayment(Id, "order cancelled"))
            .Then(new PaymentRefunded(Id, 19m, "order cancelled"));

    [Fact]
    public void A_payment_confirmed_for_another_amount_than_requested_gives_back_what_was_paid() =>
        Payment.Given(new PaymentConfirmed(Id, 25m), Requested)
            .When(new RefundPayment(Id, "paid 25, not 19"))
            .Then(new PaymentRefunded(Id, 25m, "paid 25, not 19"));

    [Fact]
    public void Refunding_again_refunds_nothing_more_whatever_the_reason() =>
        Payment.Given(Requested, Confirmed, Refunded)
            .When(new RefundPayment(Id, "another reason"))
            .ThenNothing();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_payment_that_was_never_confirmed_cannot_be_refunded(int unconfirmed) =>
        Payment.Given(Unconfirmed[unconfirmed])
            .When(new RefundPayment(Id, "order cancelled"))
            .ThenFails<DomainRuleViolationException>("payment-not-confirmed");

    [Fact]
    public void A_refund_needs_a_reason() =>
        Payment.Given(Requested, Confirmed)
            .When(new RefundPayment(Id, " "))
            .ThenFails<CommandValidationException>("reason");

    [Fact]
    public void A_refund_quoting_a_long_reason_keeps_as_much_of_it_as_a_refund_may() =>
        Payment.Given(Requested, Confirmed)
            .When(RefundPayment.Because(Id, "order cancelled: " + new string('r', 500)))
            .Then(new PaymentRefunded(Id, 19m, ("order cancelled: " + new string('r', 500))[..500]));

    [Fact]
    public void The_providers_confirmation_delivered_again_after_the_refund_changes_nothing() =>
        Payment.Given(Requested, Confirmed, Refunded)
            .When(new ConfirmPayment(Id, 19m))
            .ThenNothing();

    [Fact]
    public void A_refunded_payment_can_neither_fail_nor_be_confirmed_for_another_amount()
    {
        Payment.Given(Requested, Confirmed, Refunded).When(new FailPayment(Id, "card declined")).ThenFails<DomainRuleViolationException>("payment-refunded");
        Payment.Given(Requested, Confirmed, Refunded).When(new ConfirmPayment(Id, 20m)).ThenFails<DomainRuleViolationException>("payment-refunded");
    }

    // None yet, requested only, refused by the provider.
    private static readonly PaymentEvent[][] Unconfirmed = [[], [Requested], [Requested, Failed]];
}
