using EventSourcing.Deciders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Payments;
using static Ordering.Tests.Payments.PaymentHistory;

namespace Ordering.Tests.Payments;

public sealed class ConfirmAndFailPaymentTests
{
    [Fact]
    public void A_requested_payment_is_confirmed() =>
        Payment.Given(Requested)
            .When(new ConfirmPayment(Id, 19m))
            .Then(new PaymentConfirmed(Id, 19m));

    [Fact]
    public void A_confirmation_arriving_before_the_request_is_accepted() =>
        Payment.Given()
            .When(new ConfirmPayment(Id, 19m))
            .Then(new PaymentConfirmed(Id, 19m));

    [Fact]
    public void A_confirmation_for_another_amount_than_requested_is_refused() =>
        Payment.Given(Requested)
            .When(new ConfirmPayment(Id, 18.99m))
            .ThenFails<DomainRuleViolationException>("amount-mismatch");

    [Fact]
    public void A_repeated_confirmation_changes_nothing() =>
        Payment.Given(Requested, Confirmed)
            .When(new ConfirmPayment(Id, 19m))
            .ThenNothing();

    [Fact]
    public void A_second_confirmation_for_another_amount_is_refused() =>
        Payment.Given(Requested, Confirmed)
            .When(new ConfirmPayment(Id, 20m))
            .ThenFails<DomainRuleViolationException>("payment-already-confirmed");

    [Fact]
    public void A_failed_payment_cannot_be_confirmed() =>
        Payment.Given(Requested, Failed)
            .When(new ConfirmPayment(Id, 19m))
            .ThenFails<DomainRuleViolationException>("payment-already-failed");

    [Fact]
    public void A_confirmation_needs_a_positive_amount() =>
        Payment.Given(Requested)
            .When(new ConfirmPayment(Id, 0m))
            .ThenFails<CommandValidationException>("amount");

    [Fact]
    public void A_requested_payment_fails_with_its_reason() =>
        Payment.Given(Requested)
            .When(new FailPayment(Id, "card declined"))
            .Then(new PaymentFailed(Id, "card declined"));

    [Fact]
    public void A_confirmed_payment_cannot_fail() =>
        Payment.Given(Requested, Confirmed)
            .When(new FailPayment(Id, "card declined"))
            .ThenFails<DomainRuleViolationException>("payment-already-confirmed");

    [Fact]
    public void A_repeated_failure_changes_nothing() =>
        Payment.Given(Requested, Failed)
            .When(new FailPayment(Id, "timeout"))
            .ThenNothing();

    [Fact]
    public void A_failure_needs_a_reason() =>
        Payment.Given(Requested)
            .When(new FailPayment(Id, " "))
            .ThenFails<CommandValidationException>("reason");
}
