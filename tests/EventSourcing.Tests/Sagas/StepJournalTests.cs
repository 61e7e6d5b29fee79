using System.Text.Json;
using EventSourcing.Sagas;
using EventSourcing.Serialization;

namespace EventSourcing.Tests.Sagas;

public sealed class StepJournalTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Steps_and_the_custom_status_travel_together_through_json_and_read_back()
    {
        var journal = new StepJournal();
        var reserve = journal.Begin("activity", "ReserveStock", "scheduled", At);
        var timer = journal.Begin("timer", "until 09:15", "created", At.AddSeconds(1));
        journal.Finish(reserve, "failed", At.AddSeconds(2), "none left");
        journal.Finish(timer, "fired", At.AddMinutes(15));
        var status = JsonSerializer.SerializeToElement(new { stage = "compensating" }, EventSerializer.DefaultOptions);

        var json = JsonSerializer.SerializeToElement(journal.Envelope(status), EventSerializer.DefaultOptions);
        var read = SagaStatusEnvelope.TryRead(json, EventSerializer.DefaultOptions)!;

        Assert.Equal("compensating", read.Status!.Value.GetProperty("stage").GetString());
        Assert.Equal(
            [new SagaStep("activity", "ReserveStock", "failed", At.AddSeconds(2), "none left"), new SagaStep("timer", "until 09:15", "fired", At.AddMinutes(15))],
            read.Steps);
    }

    [Fact]
    public void A_plain_custom_status_is_not_taken_for_an_envelope()
    {
        var plain = JsonSerializer.SerializeToElement(new { stage = "awaiting-payment" }, EventSerializer.DefaultOptions);

        Assert.Null(SagaStatusEnvelope.TryRead(plain, EventSerializer.DefaultOptions));
    }
}
