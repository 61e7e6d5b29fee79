using System.Text.Json;

namespace OrderConfirmationMailer.Checkpoints;

/// <summary>
/// The feed cursor up to which every event has been handled, kept in one file. It is saved only after a page's side
/// effects are on disk, so a crash repeats at most that page (whose mails are written once: see
/// <see cref="Mail.PickupFolder"/>) and never skips one. It has one owner at a time: a second mailer on the same state
/// would mail the same page twice over, so it is refused while the first holds the lock (released when the process ends,
/// however it ends).
/// </summary>
internal sealed class FileCheckpoint : IDisposable
{
    private readonly FileStream _lock;

    /// <exception cref="IOException">Another process holds this checkpoint.</exception>
    public FileCheckpoint(string path)
    {
        Path = path;
        var lockPath = path + ".lock";
        try
        {
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"Another mailer holds {lockPath}: run one mailer per state directory.", e);
        }
        DurableFile.RemoveLeftovers(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
    }

    public string Path { get; }

    /// <summary>The saved cursor, or null when nothing was handled yet (the feed starts from its beginning).</summary>
    /// <exception cref="InvalidDataException">The file is there but holds no cursor: starting over or guessing would re-send or skip mails.</exception>
    public string? Load()
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(Path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Saved>(content, JsonSerializerOptions.Web)?.Cursor
                ?? throw new InvalidDataException($"The checkpoint {Path} holds no cursor.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The checkpoint {Path} is not a checkpoint: {e.Message}", e);
        }
    }

    /// <summary>Replaces the saved cursor, durably, in one step.</summary>
    public void Save(string cursor)
    {
        ArgumentException.ThrowIfNullOrEmpty(cursor);
        DurableFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(new Saved(cursor), JsonSerializerOptions.Web));
    }

    private sealed record Saved(string Cursor);

    public void Dispose() => _lock.Dispose();
}
