using System.Text.Json;

namespace OrderConfirmationMailer.Checkpoints;

/// <summary>
/// The feed cursor up to which every event has been handled, kept in one file. It is saved only after a page's side
/// effects are on disk, so a crash repeats at most that page (whose mails are written once: see
/// <see cref="Mail.PickupFolder"/>) and never skips one.
/// </summary>
internal sealed class FileCheckpoint(string path)
{
    public string Path { get; } = path;

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
        DurableFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(new Saved(cursor), JsonSerializerOptions.Web), overwrite: true);
    }

    private sealed record Saved(string Cursor);
}
