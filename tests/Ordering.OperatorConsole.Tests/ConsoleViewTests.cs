using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ordering.OperatorConsole.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ordering.OperatorConsole.Tests;

/// <summary>
/// The operator console in chromium against a real local host with an API key, walked as an operator would: each
/// view's answer is read off the screen. Each test saves a screenshot of its view (see <see cref="Screenshots"/>).
/// </summary>
public sealed class ConsoleViewTests(ConsoleBackend backend) : IClassFixture<ConsoleBackend>
{
    static ConsoleViewTests() => SetDefaultExpectTimeout(30_000); // a loaded machine: the bound only ends a failing wait

    [Fact]
    public async Task Streams_finds_an_order_by_prefix_and_shows_its_events_newest_or_oldest_first()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Stream id or prefix").FillAsync("order-");
        await page.GetByLabel("Stream id or prefix").PressAsync("Enter");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"order-{backend.PaidOrder}" });
        await Expect(row).ToContainTextAsync("5"); // created, a line, another line, checkout requested, confirmed
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = backend.PoisonStream })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "streams");

        await row.GetByRole(AriaRole.Link).ClickAsync();
        var events = page.Locator("ol.timeline > li");
        await Expect(events).ToHaveCountAsync(5);
        await Expect(events.First).ToContainTextAsync("OrderConfirmed");
        await Expect(events.First.Locator(".version")).ToHaveTextAsync("v5");
        await Expect(events.Nth(1)).ToContainTextAsync(backend.PaidCorrelationId);
        await Expect(events.First.Locator("time")).ToHaveAttributeAsync("title", new Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ UTC$"));
        await Screenshots.SaveAsync(page, "stream-events");

        await page.GetByRole(AriaRole.Link, new() { Name = "Oldest first" }).ClickAsync();
        await Expect(events.First).ToContainTextAsync("OrderCreated");
        await Expect(events.First.Locator(".version")).ToHaveTextAsync("v1");
        await Expect(events.Last).ToContainTextAsync("OrderConfirmed");
    }

    [Fact]
    public async Task Time_travel_shows_a_version_beside_the_one_before_with_the_difference_and_steps_with_the_arrow_keys()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        await page.GotoAsync($"/console/#/streams/order-{backend.PaidOrder}?order=oldest");
        await page.GetByRole(AriaRole.Link, new() { Name = "State at v3" }).ClickAsync();

        await Expect(page.Locator(".pager .position")).ToHaveTextAsync("version 3 of 5");
        await Expect(page.Locator(".cause")).ToContainTextAsync("ItemAdded");
        await Expect(page.Locator(".change")).ToHaveTextAsync(["items (pen added): — → 1 × pen @ 3", "total: 25 EUR → 28 EUR"]);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before: v2" })).ToBeVisibleAsync();
        await Expect(page.Locator(".panel.before dd[data-field=items]")).Not.ToContainTextAsync("pen");
        await Expect(page.Locator(".panel.after dd.changed[data-field=items]")).ToContainTextAsync("1 × pen @ 3");
        await Expect(page.Locator(".panel.after dd.changed[data-field=total]")).ToHaveTextAsync("28 EUR");
        await Expect(page.Locator(".panel.after dd[data-field=status]")).Not.ToHaveClassAsync(new Regex("changed"));
        await Screenshots.SaveAsync(page, "time-travel");

        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.Locator(".pager .position")).ToHaveTextAsync("version 4 of 5");
        await Expect(page.Locator(".change")).ToHaveTextAsync(["status: Draft → CheckoutRequested"]);
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft"); // at once, while v3 may still be loading: it steps from v3
        await Expect(page.Locator(".pager .position")).ToHaveTextAsync("version 2 of 5");
        await Expect(page.Locator(".change")).ToHaveTextAsync(["items (book added): — → 2 × book @ 12.5", "total: 0 EUR → 25 EUR"]);

        // As of the time v4 was written: the order was at v4 then.
        var v4 = (await backend.GetJsonAsync($"/api/streams/order-{backend.PaidOrder}/events?fromVersion=4&maxCount=1"))["events"]![0]!["timestamp"]!.GetValue<string>();
        await page.GotoAsync($"/console/#/time-travel/{backend.PaidOrder}?asOf={Uri.EscapeDataString(v4)}");
        await Expect(page.Locator(".pager .position")).ToHaveTextAsync("version 4 of 5");
        await Expect(page.Locator(".cause")).ToContainTextAsync("As of");
    }

    [Fact]
    public async Task The_correlation_trace_of_a_checkout_draws_a_lane_per_stream_on_one_time_axis()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        await page.GotoAsync($"/console/#/streams/order-{backend.PaidOrder}");
        await page.Locator("ol.timeline > li").Filter(new() { HasText = "CheckoutRequested" })
            .GetByRole(AriaRole.Link, new() { Name = backend.PaidCorrelationId }).ClickAsync();

        var lanes = page.Locator("svg.trace .lane-label");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Correlation trace");
        await Expect(lanes.Filter(new() { HasText = $"order-{backend.PaidOrder[..12]}" })).ToHaveCountAsync(1);
        await Expect(lanes.Filter(new() { HasText = $"inventory-{ConsoleBackend.Sku}" })).ToHaveCountAsync(1);
        await Expect(lanes.Filter(new() { HasText = "inventory-pen" })).ToHaveCountAsync(1);
        await Expect(lanes.Filter(new() { HasText = $"payment-{backend.PaidOrder[..12]}" })).ToHaveCountAsync(1);
        var rows = page.Locator("table.list tbody tr");
        foreach (var type in new[] { "CheckoutRequested", "StockReserved", "PaymentConfirmed", "OrderConfirmed" })
            await Expect(rows.Filter(new() { HasText = type }).First).ToBeVisibleAsync();
        await Expect(page.Locator("svg.trace .mark")).ToHaveCountAsync(await rows.CountAsync());
        await Screenshots.SaveAsync(page, "correlation-trace");
    }

    [Fact]
    public async Task Sagas_lists_instances_by_status_and_shows_a_refused_checkouts_steps_with_the_winner_and_its_compensations_in_order()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        await page.GotoAsync("/console/#/sagas");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"checkout-{backend.WaitingOrder}" })).ToContainTextAsync("Running");

        await page.GetByLabel("Status").SelectOptionAsync("Compensated");
        var rows = page.Locator("table.list tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync($"checkout-{backend.RefusedOrder}");
        await Expect(rows.First).ToContainTextAsync("payment failed: card declined");
        await Screenshots.SaveAsync(page, "sagas");

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        var steps = page.Locator("ol.steps > li");
        await Expect(page.Locator(".facts")).ToContainTextAsync("Compensated");
        await Expect(steps.Filter(new() { HasText = "PaymentResult" })).ToContainTextAsync("won");
        var timer = steps.Filter(new() { HasText = "Timer" });
        await Expect(timer).ToContainTextAsync("cancelled: lost");
        await Expect(timer.Locator(".due time")).ToHaveAttributeAsync("title", new Regex(" UTC$"));
        await Expect(page.Locator("ol.steps > li.compensation")).ToHaveTextAsync([new Regex("compensation 1ReleaseStock"), new Regex("compensation 2CancelOrder")]);
        await Expect(steps.First).ToContainTextAsync("ReserveStock");
        await Screenshots.SaveAsync(page, "saga-steps");
    }

    [Fact]
    public async Task Projections_shows_lag_and_status_a_real_dead_letter_whose_retry_counts_another_attempt_and_a_rebuild_until_its_switch()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync(); // the rebuild asks before it starts
        await page.GotoAsync("/console/#/projections");

        var orderDetails = page.Locator("table.projections tbody tr[data-projection=order-details]");
        await Expect(orderDetails).ToContainTextAsync("Running");
        await Expect(orderDetails.Locator(".lag")).ToHaveTextAsync("0");
        var letters = page.Locator(".dead-letters[data-projection=order-details]");
        await Expect(letters).ToContainTextAsync(backend.PoisonStream);
        await Expect(letters.Locator(".error-text")).ToContainTextAsync("Exception:");
        await Expect(letters).ToContainTextAsync("1 attempt ");
        await Expect(page.Locator(".chart polyline").First).ToHaveAttributeAsync("points", new Regex(@"^\d+(\.\d)?,\d+(\.\d)?"));
        await Screenshots.SaveAsync(page, "projections");

        await letters.GetByRole(AriaRole.Button, new() { Name = "Retry order-details" }).ClickAsync();
        await Expect(page.Locator(".status-line")).ToHaveTextAsync("Retried order-details: 0 applied, 1 still parked.");
        await Expect(letters).ToContainTextAsync("2 attempts");

        var orderList = page.Locator("table.projections tbody tr[data-projection=order-list]");
        await orderList.GetByRole(AriaRole.Button, new() { Name = "Rebuild" }).ClickAsync();
        await Expect(page.Locator(".switched")).ToHaveTextAsync("order-list switched to generation 2.");
        await Expect(page.Locator("table.projections tbody tr[data-projection=order-list][data-generation='2']")).ToContainTextAsync("Running");
    }

    [Fact]
    public async Task Without_a_key_the_first_view_asks_for_it_once_and_keeps_it_for_the_session()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync(withKey: false);
        await page.GotoAsync("/console/#/sagas");

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "API key" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByLabel("Key").FillAsync(ConsoleBackend.ApiKey);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"checkout-{backend.PaidOrder}" })).ToContainTextAsync("Completed");

        await page.GetByRole(AriaRole.Link, new() { Name = "Streams" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"order-{backend.PaidOrder}" })).ToBeVisibleAsync();
        await Expect(dialog).ToBeHiddenAsync();
        Assert.Equal(ConsoleBackend.ApiKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('ordering-console-api-key')"));
    }

    [Fact]
    public async Task A_wrong_id_says_what_to_do_and_an_empty_search_says_so()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync();
        await page.GotoAsync("/console/#/streams/order-nobody");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Find it by prefix in Streams");

        await page.GotoAsync("/console/#/streams?prefix=nothing-like-this-");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("No stream's id starts with \"nothing-like-this-\"");
    }

    [Fact]
    public async Task At_a_phones_width_every_view_fits_without_sideways_scrolling_and_the_keyboard_reaches_the_views()
    {
        Chromium.EnsureAvailable();
        var page = await backend.NewPageAsync(width: 390, height: 844);
        foreach (var view in new[] { "#/streams", $"#/streams/order-{backend.PaidOrder}", $"#/time-travel/{backend.PaidOrder}?version=3", "#/sagas", $"#/sagas/checkout-{backend.RefusedOrder}", "#/projections" })
        {
            await page.GotoAsync($"/console/{view}");
            await Expect(page.Locator("main .state.loading")).ToHaveCountAsync(0);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{view} scrolls sideways at 390 px");
        }
        await Screenshots.SaveAsync(page, "phone-projections");

        page = await backend.NewPageAsync(width: 390, height: 844); // a fresh load: focus starts at the top
        await page.GotoAsync("/console/#/streams");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sagas" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sagas", Level = 1 })).ToBeVisibleAsync();
    }
}
