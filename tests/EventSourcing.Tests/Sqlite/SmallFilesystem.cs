using System.Diagnostics;

namespace EventSourcing.Tests.Sqlite;

/// <summary>
/// A size-limited tmpfs the test mounts for itself, to fill for real: SQLite then meets ENOSPC from the kernel exactly
/// as on a full disk. Mounting needs root, or passwordless sudo (as on GitHub's runners; a tmpfs is world-writable).
/// Where neither is there the test is skipped with the reason, unless <c>SQLITE_FAULT_TESTS_REQUIRE_MOUNT=1</c>
/// (set by .ci/run) makes that a failure.
/// </summary>
/// <remarks>Linked into Ordering.LocalHost.Tests as well.</remarks>
public sealed class SmallFilesystem : IDisposable
{
    public const string RequireVariable = "SQLITE_FAULT_TESTS_REQUIRE_MOUNT";
    private const int Chunk = 64 * 1024;

    private readonly List<string> _ballast = [];

    private SmallFilesystem(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> on a new temporary folder, or skips the test if it cannot.</summary>
    public static SmallFilesystem MountOrSkip(long bytes)
    {
        var folder = Directory.CreateTempSubdirectory("small-fs-").FullName;
        var (mounted, output) = AsRoot("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", folder);
        if (mounted) return new SmallFilesystem(folder);

        Directory.Delete(folder);
        var reason = $"Cannot mount a size-limited tmpfs to fill (needs root or passwordless sudo): {output}";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            throw new InvalidOperationException($"{reason} ({RequireVariable}=1 demands this test run.)");
        Assert.Skip(reason);
        return null!;
    }

    /// <summary>Writes ballast until the filesystem refuses more: afterwards no write that needs a new block succeeds.</summary>
    public void Fill()
    {
        var file = File($"ballast-{_ballast.Count}.bin");
        _ballast.Add(file);
        var buffer = new byte[Chunk];
        Array.Fill(buffer, (byte)0xA5);
        using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        // Big chunks first, then single bytes to take the last partly free block.
        foreach (var size in new[] { Chunk, 4096, 1 })
        {
            try
            {
                while (true) stream.Write(buffer, 0, size);
            }
            catch (IOException)
            {
                // ENOSPC: this chunk size no longer fits.
            }
        }
    }

    /// <summary>Removes every ballast file: the space is free again.</summary>
    public void Free()
    {
        foreach (var file in _ballast) System.IO.File.Delete(file);
        _ballast.Clear();
    }

    /// <summary>Bytes still free.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Dispose()
    {
        // A lazy unmount detaches it even if a file is still open somewhere; the memory goes when the last one closes.
        if (!AsRoot("umount", Path).Ok) AsRoot("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }

    private static (bool Ok, string Output) AsRoot(string program, params string[] arguments) =>
        Environment.IsPrivilegedProcess ? Run(program, arguments) : Run("sudo", ["-n", program, .. arguments]);

    private static (bool Ok, string Output) Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode == 0, $"{program} exited {process.ExitCode}: {output.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"{program} could not start: {e.Message}");
        }
    }
}
