namespace Ordering.Benchmarks;

/// <summary>A fresh folder under temp, so runs never measure data left by an earlier one.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("ordering-bench-").FullName;

    // Call after the stores are disposed: their pooled connections and lock files are closed by then.
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* the OS cleans temp */ }
    }
}
