namespace OrderConfirmationMailer.Tests.EndToEnd;

/// <summary>
/// Waits for a condition between processes (a file appearing, a checkpoint reaching a cursor). The bound, generous for
/// a loaded machine, only ends a failing wait, with what is missing; a passing wait returns as soon as the condition holds.
/// </summary>
public static class Wait
{
    public static async Task Until(Func<Task<bool>> condition, Func<string> describe, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not there within {seconds} s: {describe()}");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    public static Task Until(Func<bool> condition, Func<string> describe, int seconds = 120) =>
        Until(() => Task.FromResult(condition()), describe, seconds);
}
