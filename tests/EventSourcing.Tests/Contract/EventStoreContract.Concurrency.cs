using EventSourcing.Store;
using EventSourcing.Tests.Support;

namespace EventSourcing.Tests.Contract;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Sixteen_writers_racing_on_one_stream_end_with_every_event_once_and_no_gaps()
    {
        const int writers = 16, appendsEach = 500;
        var stream = TestEvents.Stream();
        var cancellation = TestContext.Current.CancellationToken;

        async Task<List<Guid>> Writer()
        {
            var written = new List<Guid>();
            var version = await Store.GetStreamVersionAsync(stream, cancellation);
            for (var i = 0; i < appendsEach; i++)
            {
                var e = TestEvents.New();
                while (true)
                {
                    try
                    {
                        version = (await Store.AppendAsync(stream, ExpectedVersion.Exact(version), [e], cancellation)).StreamVersion;
                        written.Add(e.EventId);
                        break;
                    }
                    catch (WrongExpectedVersionException conflict)
                    {
                        version = conflict.Actual;
                    }
                }
            }
            return written;
        }

        var acknowledged = (await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(Writer, cancellation)))).SelectMany(ids => ids).ToList();

        var events = await ReadAll(stream);
        Assert.Equal(writers * appendsEach, await Store.GetStreamVersionAsync(stream, cancellation));
        Assert.Equal(Enumerable.Range(1, writers * appendsEach).Select(v => (long)v), events.Select(e => e.StreamVersion));
        Assert.Equal(acknowledged.Order(), events.Select(e => e.EventId).Order());
    }

    [Fact]
    public async Task Concurrent_appends_each_get_their_own_outcome()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var streams = Enumerable.Range(0, 40).Select(_ => TestEvents.Stream()).ToArray();
        foreach (var s in streams) await Append(s, ExpectedVersion.NoStream, TestEvents.New());

        // Even-numbered streams get a correct expectation, odd ones a stale one, all at once.
        var outcomes = await Task.WhenAll(streams.Select(async (s, i) =>
        {
            try
            {
                await Store.AppendAsync(s, ExpectedVersion.Exact(i % 2 == 0 ? 1 : 0), TestEvents.Many(2), cancellation);
                return true;
            }
            catch (WrongExpectedVersionException)
            {
                return false;
            }
        }));

        for (var i = 0; i < streams.Length; i++)
        {
            Assert.Equal(i % 2 == 0, outcomes[i]);
            Assert.Equal(i % 2 == 0 ? 3 : 1, await Store.GetStreamVersionAsync(streams[i], cancellation));
        }
    }
}
