using MimeKit;

namespace OrderConfirmationMailer.Tests.EndToEnd;

/// <summary>
/// Does what an SMTP server's pickup service does with the folder: takes every finished <c>*.eml</c> away and sends
/// it (here: keeps it). Because it empties the folder, a mail the mailer wrote twice is seen twice.
/// </summary>
public sealed class SmtpPickupService(string pickupDirectory)
{
    private readonly List<(string FileName, MimeMessage Message)> _sent = [];

    /// <summary>Every mail taken so far, in the order taken.</summary>
    public IReadOnlyList<(string FileName, MimeMessage Message)> Sent => _sent;

    /// <summary>Takes what is in the folder now.</summary>
    public IReadOnlyList<(string FileName, MimeMessage Message)> Sweep()
    {
        if (!Directory.Exists(pickupDirectory)) return _sent;
        foreach (var path in Directory.GetFiles(pickupDirectory, "*.eml").Order(StringComparer.Ordinal))
        {
            _sent.Add((Path.GetFileName(path), MimeMessage.Load(path)));
            File.Delete(path);
        }
        return _sent;
    }
}
