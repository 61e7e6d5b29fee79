using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BankAccounts.Tests.Process;

/// <summary>
/// The bank sample's host started the way the README says (<c>dotnet run --project samples/BankAccounts/BankAccounts.LocalHost</c>),
/// on a free loopback port and a data directory of the test's choosing. The test run has built it already, so it runs
/// with --no-build in the tests' own configuration.
/// </summary>
public sealed class BankHostProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly StringBuilder _output = new();

    private BankHostProcess(System.Diagnostics.Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static async Task<BankHostProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "run", "--project", "samples/BankAccounts/BankAccounts.LocalHost", "--no-build", "-c", BuildConfiguration, "--",
            "--urls", baseAddress.ToString(), "--Store:DataDirectory", dataDirectory,
        }) start.ArgumentList.Add(argument);

        var host = new BankHostProcess(System.Diagnostics.Process.Start(start)!, baseAddress);
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
            await host.DisposeAsync();
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
            if (_process.HasExited) throw new InvalidOperationException($"The bank host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/api/health", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { /* slow first answer */ }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"The bank host did not answer /api/health within 120 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
