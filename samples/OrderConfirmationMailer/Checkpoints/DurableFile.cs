using System.Runtime.InteropServices;

namespace OrderConfirmationMailer.Checkpoints;

/// <summary>
/// Writes a file so that a reader, or a crash at any instant, sees either no file (or the old one) or the whole new one:
/// the bytes go to a hidden temporary file in the same directory, are flushed to the disk, and the file is renamed into
/// place; the directory is flushed too, so the rename itself survives a power cut.
/// </summary>
internal static partial class DurableFile
{
    /// <summary>Temporary files start with this (and end in <see cref="TemporarySuffix"/>): a pickup service that sends <c>*.eml</c> never sees them.</summary>
    public const string TemporaryPrefix = ".";

    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>.</summary>
    /// <param name="overwrite">False: an existing file is kept and <see cref="IOException"/> is thrown (no reader ever sees it replaced).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $"{TemporaryPrefix}{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            // Without overwrite .NET renames through link + unlink on Unix, so an existing file is never replaced.
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary); // nothing left when the move happened; the orphan otherwise
        }
        FlushDirectory(directory);
    }

    /// <summary>Removes temporary files a crash left behind in <paramref name="directory"/>.</summary>
    public static void RemoveLeftovers(string directory)
    {
        foreach (var leftover in Directory.EnumerateFiles(directory, $"{TemporaryPrefix}*{TemporarySuffix}")) File.Delete(leftover);
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
