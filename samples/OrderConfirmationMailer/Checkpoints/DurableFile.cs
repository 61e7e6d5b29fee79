using System.Runtime.InteropServices;

namespace OrderConfirmationMailer.Checkpoints;

/// <summary>
/// Writes files so that a reader, or a crash at any instant, sees either no file (or the old one) or the whole new one:
/// the bytes go to a hidden temporary file in the same directory, are flushed to the disk, and the file is renamed into
/// place; the directory is flushed too, so the rename itself survives a power cut.
/// </summary>
internal static partial class DurableFile
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> in one step: a reader sees the old file or the whole new one.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteFlushed(temporary, content, flushDirectory: false);
            Publish(temporary, path);
        }
        finally
        {
            File.Delete(temporary); // nothing left when the rename happened; the orphan otherwise
        }
    }

    /// <summary>Creates or replaces <paramref name="path"/> with <paramref name="content"/> and flushes it to the disk.</summary>
    /// <param name="flushDirectory">Also flush its directory, so the file is there after a power cut.</param>
    public static void WriteFlushed(string path, ReadOnlySpan<byte> content, bool flushDirectory = true)
    {
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }
        if (flushDirectory) FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Renames a flushed file into place in one step (replacing what is there) and makes the rename durable.</summary>
    public static void Publish(string flushed, string path)
    {
        File.Move(flushed, path, overwrite: true); // rename(2): no instant with both names or neither
        FlushDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>Removes what a crash during <see cref="Write"/> left in <paramref name="directory"/>.</summary>
    public static void RemoveLeftovers(string directory)
    {
        foreach (var leftover in Directory.EnumerateFiles(directory, ".*.tmp")) File.Delete(leftover);
    }

    /// <summary>Makes the directory's entries (a rename, a new file) durable; Windows has no such call and needs none for NTFS renames.</summary>
    public static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0) throw new IOException($"Cannot open {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(descriptor) != 0) throw new IOException($"Cannot flush {directory} (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // .NET cannot open a directory as a file handle, so the directory's fsync goes to libc directly.
    private const int ReadOnly = 0;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
