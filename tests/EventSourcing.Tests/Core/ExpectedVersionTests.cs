using EventSourcing.Store;

namespace EventSourcing.Tests.Core;

public sealed class ExpectedVersionTests
{
    [Theory]
    [InlineData(0, true, true, false, false)]
    [InlineData(3, true, false, true, true)]
    public void Each_expectation_accepts_exactly_the_versions_it_names(long actual, bool any, bool noStream, bool exists, bool exact3)
    {
        Assert.Equal(any, ExpectedVersion.Any.IsSatisfiedBy(actual));
        Assert.Equal(noStream, ExpectedVersion.NoStream.IsSatisfiedBy(actual));
        Assert.Equal(exists, ExpectedVersion.StreamExists.IsSatisfiedBy(actual));
        Assert.Equal(exact3, ExpectedVersion.Exact(3).IsSatisfiedBy(actual));
    }

    [Fact]
    public void A_negative_exact_version_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedVersion.Exact(-1));
        Assert.Equal(ExpectedVersion.NoStream, ExpectedVersion.Exact(0));
    }
}
