using System.Diagnostics;
using System.Text;
using Ordering.LocalHost.Tests.Process;

namespace OrderConfirmationMailer.Tests.EndToEnd;

/// <summary>
/// The mailer started the way its README says (<c>dotnet run --project samples/OrderConfirmationMailer</c>), against
/// a backend of the test's choosing. The test run has already built it, so it runs with --no-build.
/// </summary>
public sealed class MailerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private MailerProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="settings">Mailer settings, as <c>--Mailer:Name value</c> arguments.</param>
    public static MailerProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = LocalHostProcess.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--project", "samples/OrderConfirmationMailer", "--no-build", "-c", LocalHostProcess.BuildConfiguration, "--" })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in settings)
        {
            start.ArgumentList.Add($"--Mailer:{name}");
            start.ArgumentList.Add(value);
        }
        var mailer = new MailerProcess(Process.Start(start)!);
        mailer._process.OutputDataReceived += (_, e) => mailer.Append(e.Data);
        mailer._process.ErrorDataReceived += (_, e) => mailer.Append(e.Data);
        mailer._process.BeginOutputReadLine();
        mailer._process.BeginErrorReadLine();
        return mailer;
    }

    /// <summary>Ends the mailer abruptly (SIGKILL to the whole tree), wherever it is in a page.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the mailer to end by itself.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
