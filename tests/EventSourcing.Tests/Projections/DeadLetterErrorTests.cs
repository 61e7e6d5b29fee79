using EventSourcing.Projections;

namespace EventSourcing.Tests.Projections;

public sealed class DeadLetterErrorTests
{
    [Fact]
    public void A_dead_letter_keeps_the_type_and_message_of_the_error_and_its_causes_but_no_stack_trace()
    {
        var thrown = Thrown(() => throw new InvalidOperationException("Cannot project", new FormatException("bad date")));

        var text = DeadLetterError.Describe(thrown);

        Assert.Equal("System.InvalidOperationException: Cannot project ---> System.FormatException: bad date", text);
        Assert.NotNull(thrown.StackTrace);
    }

    [Fact]
    public void The_error_text_kept_is_bounded()
    {
        Assert.Equal(DeadLetterError.MaxLength, DeadLetterError.Describe(new InvalidOperationException(new string('x', 20_000))).Length);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
#pragma warning disable CA1031 // the test needs the exception as thrown, with its stack trace
        catch (Exception e)
        {
            return e;
        }
#pragma warning restore CA1031
        throw new InvalidOperationException("nothing was thrown");
    }
}
