using EventSourcing.Store;
using Microsoft.Data.Sqlite;

namespace EventSourcing.Sqlite;

/// <summary>
/// Commits a group of appends in one transaction and one fsync, each under its own savepoint so each keeps its own
/// expected-version check and outcome, and gives every caller the true answer for its own append even under a
/// storage fault. Nobody hears of success until the commit is durable.
/// </summary>
/// <remarks>
/// A group that fails before COMMIT wrote nothing and is retried one append per transaction, so one append that does
/// not fit fails alone; a COMMIT that fails is settled by looking the events up on a new connection.
/// </remarks>
internal sealed class GroupCommit(WriterConnection writer, CommittedHead head, KnownStreamVersions versions)
{
    private const int SqliteIoError = 10;

    // Nothing may escape: a caller left without an answer would wait forever, and so would every later one.
    public void CommitGuarded(List<PendingAppend> batch)
    {
        try
        {
            Commit(batch);
        }
        catch (Exception e)
        {
            // Only a defect in the fault handling gets here; whether anything committed is not known.
            writer.Disconnect();
            writer.RecordFault(e);
            foreach (var append in batch)
                if (!append.Completion.Task.IsCompleted) FailUnknown(append, e);
        }
    }

    private void Commit(List<PendingAppend> batch)
    {
        var attempt = TryCommit(batch);
        if (attempt.Fault is null)
        {
            Acknowledge(batch, attempt.Outcomes);
            return;
        }

        if (attempt.AtCommit)
        {
            // COMMIT failed: the database, read on a new connection, says whether it happened after all.
            var committed = FindCommitted(batch, attempt.Outcomes);
            if (committed is null)
            {
                foreach (var append in batch) FailUnknown(append, attempt.Fault);
                return;
            }
            if (committed.Value)
            {
                Acknowledge(batch, attempt.Outcomes);
                return;
            }
            if (!IsKnownNotCommitted(attempt.Fault))
            {
                // An I/O error during the commit's fsync can leave the commit in the log, to reappear on recovery.
                foreach (var append in batch) FailUnknown(append, attempt.Fault);
                return;
            }
        }

        // Known: nothing of the group was written. Each append alone then gets the outcome of its own.
        if (batch.Count == 1)
        {
            FailUnavailable(batch[0], attempt.Fault);
            return;
        }
        foreach (var append in batch) Commit([append]);
    }

    private Attempt TryCommit(List<PendingAppend> batch)
    {
        var outcomes = new (AppendResult? Result, Exception? Error)[batch.Count];
        var atCommit = false;
        try
        {
            var statements = writer.Connect();
            statements.Begin();
            var ticks = writer.NextTimestamp();
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    outcomes[i] = (statements.Execute(batch[i], ticks), null);
                }
                catch (Exception e) when (e is EventStoreException or UnstoredEventIdClashException)
                {
                    outcomes[i] = (null, e);
                }
                // SQLite rolls the whole transaction back on some errors (I/O, interrupt); the next SAVEPOINT would
                // then start a transaction of its own and RELEASE commit it, behind the group's back.
                if (writer.Connection.AutoCommitMode())
                    throw new InvalidOperationException("SQLite rolled back the group's transaction after an error.");
            }
            atCommit = true;
            statements.Commit();
            writer.RecoverFromFault();
            return new Attempt(outcomes, null, false);
        }
        catch (Exception e)
        {
            if (atCommit || !writer.TryRollback()) writer.Disconnect();
            writer.RecordFault(e);
            return new Attempt(outcomes, e, atCommit);
        }
    }

    // True when the group's events are in the database, false when none are, null when that cannot be read.
    private bool? FindCommitted(List<PendingAppend> batch, (AppendResult? Result, Exception? Error)[] outcomes)
    {
        try
        {
            var statements = writer.Connect();
            var written = Enumerable.Range(0, batch.Count).Where(i => outcomes[i].Result is not null).ToList();
            if (written.Count == 0) return true;
            var found = written.Select(i => statements.FindCommitted(batch[i])).ToList();
            if (found.All(r => r is null)) return false;
            if (found.Any(r => r is null)) return null;
            for (var k = 0; k < written.Count; k++) outcomes[written[k]] = (found[k], null);
            return true;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or EventStoreException)
        {
            writer.Disconnect();
            writer.RecordFault(e);
            return null;
        }
    }

    // A full disk stops the commit before its last log frame is written, and a broken connection rolls back what it
    // had not committed: the lookup on a new connection is then the truth. An I/O error is not (see above).
    private static bool IsKnownNotCommitted(Exception fault) =>
        fault is not SqliteException e || (e.SqliteErrorCode & 0xFF) is not SqliteIoError;

    private void Acknowledge(List<PendingAppend> batch, (AppendResult? Result, Exception? Error)[] outcomes)
    {
        head.MoveTo(outcomes.Max(o => o.Result?.Position ?? 0));
        versions.Committed(batch.Zip(outcomes).Where(p => p.Second.Result is not null).Select(p => (p.First.StreamId, p.Second.Result!.StreamVersion)));

        // Only now are the appends acknowledged: no reader is told "nothing new" about an acknowledged event.
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error) batch[i].Completion.TrySetException(error);
            else batch[i].Completion.TrySetResult(outcomes[i].Result!);
        }
    }

    private static void FailUnavailable(PendingAppend append, Exception fault) =>
        append.Completion.TrySetException(new StoreUnavailableException(
            $"The event store could not write to stream '{append.StreamId}' ({WriterConnection.Describe(fault)}); the append was not committed.", fault));

    private void FailUnknown(PendingAppend append, Exception fault)
    {
        // The stream may have moved: forget its version, so readers and commands see what the database holds.
        versions.Forget(append.StreamId);
        append.Completion.TrySetException(new AppendOutcomeUnknownException(append.StreamId,
            $"The event store cannot tell whether the append to stream '{append.StreamId}' was committed ({WriterConnection.Describe(fault)}). " +
            "Retry it with the same event ids: a committed append is recognised, not written twice.", fault));
    }

    private sealed record Attempt((AppendResult? Result, Exception? Error)[] Outcomes, Exception? Fault, bool AtCommit);
}
