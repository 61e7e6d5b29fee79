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

    public static string StatusText(string status) => status;
}
