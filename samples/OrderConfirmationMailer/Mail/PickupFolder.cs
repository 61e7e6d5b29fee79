using MimeKit;
using OrderConfirmationMailer.Checkpoints;

namespace OrderConfirmationMailer.Mail;

/// <summary>
/// Writes each confirmation into the SMTP pickup folder once, named by the event that caused it (<c>{eventId}.eml</c>).
/// A pickup service deletes what it sends, so the folder alone cannot say whether a mail went out; a mark per mail in
/// the state directory does. Each mail takes three durable steps: its whole text into a hidden temporary file in the
/// pickup folder (<c>.{eventId}.eml.tmp</c>, which a service taking <c>*.eml</c> ignores), then its mark, then the
/// rename to its name. A re-delivered event finds no mark (start over), a mark and the temporary file (a crash came
/// before the rename: rename it), or a mark alone (it is out: write nothing); so no crash loses or doubles a mail.
/// Marks are dropped once the checkpoint has moved past their events (<see cref="Forget"/>): the feed never repeats those.
/// </summary>
internal sealed class PickupFolder
{
    private readonly string _pickup;
    private readonly string _marks;

    public PickupFolder(string pickupDirectory, string stateDirectory)
    {
        _pickup = Directory.CreateDirectory(pickupDirectory).FullName;
        _marks = Directory.CreateDirectory(System.IO.Path.Combine(stateDirectory, "written")).FullName;
    }

    /// <summary>The file the mail for <paramref name="eventId"/> is written to.</summary>
    public string PathOf(Guid eventId) => System.IO.Path.Combine(_pickup, $"{eventId:D}.eml");

    /// <summary>Whether the mail for <paramref name="eventId"/> is out: in the folder, or sent from it since.</summary>
    public bool Holds(Guid eventId) => File.Exists(MarkOf(eventId)) && !File.Exists(TemporaryOf(eventId));

    /// <summary>Puts the mail into the folder unless it is out already; true when it was put there now.</summary>
    public bool Write(Guid eventId, MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var temporary = TemporaryOf(eventId);
        if (!File.Exists(MarkOf(eventId)))
        {
            using var bytes = new MemoryStream();
            message.WriteTo(RfcFormat, bytes);
            DurableFile.WriteFlushed(temporary, bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            DurableFile.WriteFlushed(MarkOf(eventId), []);
        }
        else if (!File.Exists(temporary))
        {
            return false;
        }
        DurableFile.Publish(temporary, PathOf(eventId));
        return true;
    }

    /// <summary>Drops the marks of events the checkpoint has moved past.</summary>
    public void Forget(IEnumerable<Guid> eventIds)
    {
        foreach (var eventId in eventIds) File.Delete(MarkOf(eventId));
    }

    private string TemporaryOf(Guid eventId) => System.IO.Path.Combine(_pickup, $".{eventId:D}.eml.tmp");

    private string MarkOf(Guid eventId) => System.IO.Path.Combine(_marks, eventId.ToString("D"));

    /// <summary>RFC 5322 lines end in CRLF, whatever the platform.</summary>
    private static readonly FormatOptions RfcFormat = new() { NewLineFormat = NewLineFormat.Dos };
}
