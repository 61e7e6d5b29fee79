using EventSourcing.Deciders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Payments;
using static Ordering.Tests.Payments.PaymentHistory;

namespace Ordering.Tests.Payments;

public sealed class RequestPaymentTests
{
    [Fact]
    public void A_payment_is_requested() =>
        Payment.Given()
            .When(new RequestPayment(Id, 19m, "EUR"))
            .Then(new PaymentRequested(Id, 19m, "EUR"));

    [Fact]
    public void Requesting_the_same_payment_again_changes_nothing() =>
        Payment.Given(Requested)
            .When(new RequestPayment(Id, 19m, "EUR"))
            .ThenNothing();

    [Theory]
    [InlineData(20, "EUR")]
    [InlineData(19, "USD")]
    public void Requesting_another_amount_or_currency_is_refused(int amount, string currency) =>
        Payment.Given(Requested)
            .When(new RequestPayment(Id, amount, currency))
            .ThenFails<DomainRuleViolationException>("payment-exists");

    [Theory]
    [InlineData(0, "EUR", "amount")]
    [InlineData(19, "eur", "currency")]
    public void A_request_needs_a_positive_amount_and_an_ISO_currency(int amount, string currency, string field) =>
        Payment.Given()
            .When(new RequestPayment(Id, amount, currency))
            .ThenFails<CommandValidationException>(field);

    [Fact]
    public void A_payment_confirmed_early_stays_confirmed_when_the_request_arrives()
    {
        var state = Payment.Given(Confirmed, Requested).State;

        Assert.Equal(new PaymentState(PaymentStatus.Confirmed, 19m, "EUR", 19m), state);
    }
}
