namespace EventSourcing.Benchmarks;

/// <summary>A fresh database path in its own temp folder, so runs never measure a file left by an earlier one.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "es-bench-" + Guid.NewGuid().ToString("N"));

    public TempDatabase(string name) => Path = System.IO.Path.Combine(_folder, name + ".db");

    public string Path { get; }

    // Call after the store is disposed: its pooled connections and lock file are closed by then.
    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
