using EventSourcing.Sagas;
using Ordering.Checkout;
using Ordering.Contracts.Orders;
using Ordering.Contracts.Payments;
using Ordering.Domain.Orders;

namespace Ordering.Tests.Checkout;

/// <summary>The checkout orchestrator's branches against a scripted context: no runner, no store.</summary>
public sealed class CheckoutSagaTests
{
    private static readonly CheckoutInput Input = new(
        "o-1", "c-1", [new OrderLine("sku-a", 2, 10m), new OrderLine("sku-b", 1, 5m)], 25m, "EUR",
        TimeSpan.FromMinutes(15), new SagaTrace("corr-1", "event-1"));

    private static readonly string[] Reserved = ["ReserveStock sku-ax2", "ReserveStock sku-bx1", "RequestPayment 25 EUR", "Timer 00:15:00"];

    [Fact]
    public async Task Given_stock_and_a_confirmed_payment_the_order_is_confirmed_and_the_stock_committed()
    {
        var context = new ScriptedContext(Input).Raising(CheckoutSaga.PaymentEvent, new PaymentResult(true, 25m, null));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.Completed, outcome);
        Assert.Equal([.. Reserved, "ConfirmOrder", "CommitStock sku-ax2", "CommitStock sku-bx1"], context.Calls);
        Assert.True(context.TimerCancelled);
        Assert.Equal(new CheckoutProgress("confirmed"), context.CustomStatuses[^1]);
    }

    [Fact]
    public async Task Given_a_refused_payment_the_reservations_are_released_newest_first_and_the_order_cancelled()
    {
        var context = new ScriptedContext(Input).Raising(CheckoutSaga.PaymentEvent, new PaymentResult(false, null, "card declined"));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause("payment failed: card declined"), outcome);
        Assert.Equal([.. Reserved, "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (payment failed: card declined)"], context.Calls);
        Assert.True(context.TimerCancelled);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Given_the_provider_answered_before_the_request_the_saga_does_not_wait(bool paid)
    {
        var context = new ScriptedContext(Input).Returning("RequestPayment 25 EUR", new PaymentResult(paid, paid ? 25m : null, paid ? null : "card declined"));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(paid ? SagaOutcome.Completed : SagaOutcome.CompensatedBecause("payment failed: card declined"), outcome);
        Assert.DoesNotContain(context.Calls, c => c.StartsWith("Timer", StringComparison.Ordinal));
        Assert.Equal(paid ? "ConfirmOrder" : "ReleaseStock sku-bx1", context.Calls[3]);
    }

    [Fact]
    public async Task Given_no_payment_before_the_timer_the_checkout_is_undone()
    {
        var context = new ScriptedContext(Input).TimerFires();

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause("payment timed out after 00:15:00"), outcome);
        Assert.Equal([.. Reserved, "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (payment timed out after 00:15:00)"], context.Calls);
    }

    [Fact]
    public async Task Given_missing_stock_for_a_later_line_what_was_reserved_is_released_and_no_payment_is_asked()
    {
        var context = new ScriptedContext(Input).Failing("ReserveStock sku-bx1", "Only 0 of 'sku-b' available; 1 requested.");

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.True(outcome.Compensated);
        Assert.Equal(
            ["ReserveStock sku-ax2", "ReserveStock sku-bx1", "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (Only 0 of 'sku-b' available; 1 requested.)"],
            context.Calls);
    }

    [Fact]
    public async Task Given_the_order_is_cancelled_while_waiting_for_payment_the_checkout_is_undone()
    {
        var context = new ScriptedContext(Input).Raising(CheckoutSaga.CancelledEvent, new OrderCancellation("changed my mind"));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause("order cancelled: changed my mind"), outcome);
        Assert.Equal([.. Reserved, "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (order cancelled: changed my mind)"], context.Calls);
        Assert.True(context.TimerCancelled);
    }

    [Fact]
    public async Task Given_the_order_cannot_be_confirmed_after_payment_the_stock_is_released_not_committed()
    {
        var context = new ScriptedContext(Input)
            .Raising(CheckoutSaga.PaymentEvent, new PaymentResult(true, 25m, null))
            .Failing("ConfirmOrder", "Order 'o-1' is cancelled.");

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause("Order 'o-1' is cancelled."), outcome);
        Assert.DoesNotContain(context.Calls, c => c.StartsWith("CommitStock", StringComparison.Ordinal));
        Assert.Equal(["ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (Order 'o-1' is cancelled.)"], context.Calls[^3..]);
    }

    [Fact]
    public async Task Given_the_order_cannot_be_confirmed_after_payment_the_money_is_refunded_first_then_the_stock_released()
    {
        var context = new ScriptedContext(Input)
            .Raising(CheckoutSaga.PaymentEvent, new PaymentResult(true, 25m, null))
            .Failing("ConfirmOrder", "Order 'o-1' is cancelled.");

        await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(
            [.. Reserved, "ConfirmOrder", "RefundPayment (Order 'o-1' is cancelled.)", "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (Order 'o-1' is cancelled.)"],
            context.Calls);
    }

    [Fact]
    public async Task A_two_minute_store_outage_during_the_undo_still_ends_with_the_money_refunded_and_the_stock_released()
    {
        const string reason = "payment failed: 30 EUR was paid, not 25";
        var context = new ScriptedContext(Input)
            .Returning("RequestPayment 25 EUR", new PaymentResult(false, 30m, "30 EUR was paid, not 25"))
            .Unavailable($"RefundPayment ({reason})", TimeSpan.FromMinutes(2))
            .Unavailable("ReleaseStock sku-ax2", TimeSpan.FromMinutes(2));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause(reason), outcome);
        Assert.Equal([$"RefundPayment ({reason})", "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", $"CancelOrder ({reason})"], context.Calls[^4..]);
    }

    [Fact]
    public async Task A_two_minute_store_outage_after_confirmation_still_commits_the_stock()
    {
        var context = new ScriptedContext(Input)
            .Raising(CheckoutSaga.PaymentEvent, new PaymentResult(true, 25m, null))
            .Unavailable("CommitStock sku-bx1", TimeSpan.FromMinutes(2));

        Assert.Equal(SagaOutcome.Completed, await CheckoutSaga.RunAsync(context, Input));
    }

    [Fact]
    public async Task A_forward_step_gives_up_within_seconds_and_the_checkout_is_undone()
    {
        var context = new ScriptedContext(Input).Unavailable("ReserveStock sku-bx1", TimeSpan.FromMinutes(2));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        Assert.Equal(SagaOutcome.CompensatedBecause("the store did not answer"), outcome);
        Assert.Equal(["ReleaseStock sku-bx1", "ReleaseStock sku-ax2", "CancelOrder (the store did not answer)"], context.Calls[^3..]);
    }

    [Fact]
    public async Task Given_the_provider_took_another_amount_than_the_order_asks_that_money_is_refunded()
    {
        var context = new ScriptedContext(Input).Returning("RequestPayment 25 EUR", new PaymentResult(false, 30m, "30 EUR was paid, not 25"));

        var outcome = await CheckoutSaga.RunAsync(context, Input);

        const string reason = "payment failed: 30 EUR was paid, not 25";
        Assert.Equal(SagaOutcome.CompensatedBecause(reason), outcome);
        Assert.Equal(
            ["ReserveStock sku-ax2", "ReserveStock sku-bx1", "RequestPayment 25 EUR", $"RefundPayment ({reason})", "ReleaseStock sku-bx1", "ReleaseStock sku-ax2", $"CancelOrder ({reason})"],
            context.Calls);
    }

    [Theory]
    [InlineData(CheckoutSaga.CancelledEvent)]
    [InlineData(CheckoutSaga.PaymentEvent)]
    public async Task Given_no_money_was_taken_the_undone_checkout_refunds_nothing(string raised)
    {
        var context = new ScriptedContext(Input).Raising(raised, raised == CheckoutSaga.PaymentEvent
            ? new PaymentResult(false, null, "card declined") : new OrderCancellation("changed my mind"));

        await CheckoutSaga.RunAsync(context, Input);

        Assert.DoesNotContain(context.Calls, c => c.StartsWith("RefundPayment", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_refusals_are_answers_not_retried_while_store_faults_are()
    {
        Assert.False(CheckoutSaga.Retry.ShouldRetry(1, new EventSourcing.Deciders.DomainRuleViolationException("insufficient-stock", "none left")));
        Assert.True(CheckoutSaga.Retry.ShouldRetry(1, new TimeoutException()));
        Assert.False(CheckoutSaga.Retry.ShouldRetry(CheckoutSaga.Retry.MaxAttempts, new TimeoutException()));
    }
}
