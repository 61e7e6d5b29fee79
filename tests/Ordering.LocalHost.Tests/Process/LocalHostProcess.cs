using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ordering.LocalHost.Tests.Process;

/// <summary>
/// A host started the way the README says (<c>dotnet run --project src/Ordering.LocalHost</c>, or a sample's host
/// project), on a free loopback port and a data directory of the test's choosing. The test run has already built it,
/// so it runs with --no-build in the test's own configuration. Linked into the tests of the samples that start one.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _project;

    private LocalHostProcess(System.Diagnostics.Process process, Uri baseAddress, string project)
    {
        _process = process;
        BaseAddress = baseAddress;
        _project = project;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <param name="port">Where to listen (a client already waiting there, say); a free port when null.</param>
    /// <param name="project">The host project to run, from the repository root: the ordering local host unless a sample's.</param>
    public static async Task<LocalHostProcess> StartAsync(
        string dataDirectory, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null, int? port = null,
        string project = "src/Ordering.LocalHost")
    {
        var baseAddress = new Uri($"http://127.0.0.1:{port ?? FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in new[]
        {
            "run", "--project", project, "--no-build", "-c", BuildConfiguration, "--",
            "--urls", baseAddress.ToString(), "--Store:DataDirectory", dataDirectory,
        }) start.ArgumentList.Add(argument);

        var host = new LocalHostProcess(System.Diagnostics.Process.Start(start)!, baseAddress, project);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync(); // a host that never answered must not outlive the test
            throw;
        }
        return host;
    }

    /// <summary>Ends the host abruptly (SIGKILL to the whole tree): nothing it acknowledged may be lost.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // A bound on a host that never comes up; with every core busy, `dotnet run` alone can take tens of seconds.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_project} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/api/health", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { /* slow first answer */ }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"{_project} did not answer /api/health within 120 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The checkout's root, where <c>dotnet run --project …</c> resolves its paths.</summary>
    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }

    /// <summary>The configuration the tests were built in, which every project they run was built in too.</summary>
#if DEBUG
    internal const string BuildConfiguration = "Debug";
#else
    internal const string BuildConfiguration = "Release";
#endif
}
