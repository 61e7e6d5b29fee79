using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using EventSourcing.Cosmos.Documents;
using EventSourcing.Feed;
using EventSourcing.Store;

namespace EventSourcing.Cosmos.Feed;

/// <summary>
/// Takes a request's share of one change-feed page: skips the commit events an earlier request returned from this very
/// page, then takes matching events up to the budget. Only commit events are counted: commits are immutable, so the
/// page read again starts with the same ones (tips are replaced on every append and move in the feed; never counted).
/// Pure, so the arithmetic is tested without Cosmos.
/// </summary>
internal static class ChangeFeedPageCut
{
    /// <summary>The commit documents of a change-feed page (<c>{"Documents":[…]}</c>), in feed order; tips and snapshots are not events.</summary>
    public static List<CommitDocument> Commits(Stream content)
    {
        using var page = JsonDocument.Parse(content);
        if (!page.RootElement.TryGetProperty("Documents", out var documents)) return [];
        return [.. documents.EnumerateArray()
            .Where(d => d.TryGetProperty("kind", out var kind) && kind.ValueEquals(DocumentKinds.Commit))
            .Select(d => d.Deserialize<CommitDocument>(CosmosJson.Options)!)];
    }

    public static Cut Take(IReadOnlyList<CommitDocument> commits, IReadOnlyList<DeliveredPrefix> delivered, int budget, FeedFilter filter)
    {
        var entries = commits.SelectMany(c => c.Events.Select(e => (Commit: c, Event: e))).ToList();
        var pending = delivered.ToList();
        var skip = 0;
        var match = pending.FirstOrDefault(p => p.Count <= entries.Count && Hash(entries, p.Count) == p.Hash);
        if (match is not null)
        {
            skip = match.Count;
            pending.Remove(match);
        }

        var taken = new List<RecordedEvent>();
        var consumed = skip;
        while (consumed < entries.Count && taken.Count < budget)
        {
            var (commit, entry) = entries[consumed++];
            var e = DocumentMapper.ToRecorded(commit.StreamId, commit.Timestamp, entry);
            if (filter.Matches(e)) taken.Add(e);
        }
        if (consumed == entries.Count) return new Cut(taken, PassedPage: true, pending);
        pending.Add(new DeliveredPrefix(consumed, Hash(entries, consumed)));
        return new Cut(taken, PassedPage: false, [.. pending.TakeLast(ChangeFeedCursor.MaxDelivered)]);
    }

    private static string Hash(List<(CommitDocument Commit, EventEntry Event)> entries, int count)
    {
        var ids = new byte[count * 16];
        for (var i = 0; i < count; i++) entries[i].Event.Id.TryWriteBytes(ids.AsSpan(i * 16, 16));
        return Base64Url.EncodeToString(SHA256.HashData(ids).AsSpan(0, 12));
    }

    /// <param name="Taken">The events this request returns from the page.</param>
    /// <param name="PassedPage">Every commit event of the page was returned or passed over: continue after it.</param>
    /// <param name="Delivered">What the cursor keeps of begun pages (including this one, when not passed).</param>
    public sealed record Cut(List<RecordedEvent> Taken, bool PassedPage, IReadOnlyList<DeliveredPrefix> Delivered);
}
