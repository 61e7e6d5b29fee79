using MimeKit;
using OrderConfirmationMailer.Checkpoints;

namespace OrderConfirmationMailer.Mail;

/// <summary>
/// Writes each confirmation into the SMTP pickup folder once, named by the event that caused it
/// (<c>{eventId}.eml</c>), so a re-delivered event finds it there and writes nothing. A pickup service deletes what it
/// sends, so the folder alone forgets; a mark per mail in the state directory remembers until the checkpoint has moved
/// past its event (<see cref="Forget"/>), after which the feed never delivers it again.
/// </summary>
internal sealed class PickupFolder
{
    private readonly string _pickup;
    private readonly string _marks;

    public PickupFolder(string pickupDirectory, string stateDirectory)
    {
        _pickup = Directory.CreateDirectory(pickupDirectory).FullName;
        _marks = Directory.CreateDirectory(System.IO.Path.Combine(stateDirectory, "written")).FullName;
        DurableFile.RemoveLeftovers(_pickup);
        DurableFile.RemoveLeftovers(_marks);
    }

    /// <summary>The file the mail for <paramref name="eventId"/> is written to.</summary>
    public string PathOf(Guid eventId) => System.IO.Path.Combine(_pickup, $"{eventId:D}.eml");

    /// <summary>Whether the mail for <paramref name="eventId"/> was written already (and maybe sent since).</summary>
    public bool Holds(Guid eventId) => File.Exists(MarkOf(eventId)) || File.Exists(PathOf(eventId));

    /// <summary>Writes the mail unless it was written already; true when it was written now.</summary>
    public bool Write(Guid eventId, MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (File.Exists(MarkOf(eventId))) return false;
        var written = false;
        if (!File.Exists(PathOf(eventId)))
        {
            using var bytes = new MemoryStream();
            message.WriteTo(RfcFormat, bytes);
            try
            {
                DurableFile.Write(PathOf(eventId), bytes.GetBuffer().AsSpan(0, (int)bytes.Length), overwrite: false);
                written = true;
            }
            catch (IOException) when (File.Exists(PathOf(eventId)))
            {
                // Already there: a rename that reached the disk before a crash lost only its mark.
            }
        }
        // Between the rename and this mark a pickup service may already send and delete the file; a crash in exactly
        // that window re-sends the mail, with the same Message-ID, so a relay or mail client can tell it is the same.
        DurableFile.Write(MarkOf(eventId), [], overwrite: true);
        return written;
    }

    /// <summary>Drops the marks of events the checkpoint has moved past.</summary>
    public void Forget(IEnumerable<Guid> eventIds)
    {
        foreach (var eventId in eventIds) File.Delete(MarkOf(eventId));
    }

    private string MarkOf(Guid eventId) => System.IO.Path.Combine(_marks, eventId.ToString("D"));

    /// <summary>RFC 5322 lines end in CRLF, whatever the platform.</summary>
    private static readonly FormatOptions RfcFormat = new() { NewLineFormat = NewLineFormat.Dos };
}
