namespace EventSourcing.Cosmos.Documents;

/// <summary>The kinds of document in the events container, all in the stream's partition.</summary>
public static class DocumentKinds
{
    /// <summary>The <c>kind</c> of a commit document.</summary>
    public const string Commit = "commit";
    /// <summary>The <c>kind</c> of a tip document.</summary>
    public const string Tip = "tip";
    /// <summary>The <c>kind</c> of a snapshot document.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>Id of the stream's tip document.</summary>
    public const string TipId = "tip";

    /// <summary>Id of the stream's snapshot document.</summary>
    public const string SnapshotId = "snapshot";

    /// <summary>
    /// Id of the commit whose first event has id <paramref name="firstEventId"/>. Ids are unique within the stream's
    /// partition, so a batch that carries an already stored first event fails with 409 by itself, at no extra cost:
    /// a resent append, or a command decided again with the ids derived from its idempotency key, is then recognised
    /// by the id lookup that follows every conflict. (Two appends at one version still clash on the tip's ETag.)
    /// Commits written before this rule have their first version as id; nothing reads commit ids.
    /// </summary>
    public static string CommitId(Guid firstEventId) => firstEventId.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
