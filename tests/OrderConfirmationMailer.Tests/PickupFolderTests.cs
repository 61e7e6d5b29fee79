using MimeKit;
using OrderConfirmationMailer.Mail;

namespace OrderConfirmationMailer.Tests;

public sealed class PickupFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mailer-pickup-").FullName;

    private string Pickup => Path.Combine(_root, "pickup");

    private string State => Path.Combine(_root, "state");

    [Fact]
    public void A_mail_is_written_under_its_events_id_and_a_redelivered_event_leaves_it_as_it_was()
    {
        var folder = new PickupFolder(Pickup, State);
        var eventId = Guid.NewGuid();

        Assert.True(folder.Write(eventId, Mail("first")));
        Assert.False(folder.Write(eventId, Mail("second")));

        Assert.Equal([$"{eventId:D}.eml"], Directory.GetFiles(Pickup).Select(Path.GetFileName));
        Assert.Equal("first", MimeMessage.Load(folder.PathOf(eventId)).Subject);
    }

    [Fact]
    public void A_mail_the_pickup_service_has_already_sent_and_deleted_is_not_written_again()
    {
        var folder = new PickupFolder(Pickup, State);
        var eventId = Guid.NewGuid();
        folder.Write(eventId, Mail("first"));
        File.Delete(folder.PathOf(eventId)); // sent

        Assert.False(new PickupFolder(Pickup, State).Write(eventId, Mail("again")));
        Assert.Empty(Directory.GetFiles(Pickup));
    }

    [Fact]
    public void Once_the_checkpoint_has_passed_an_event_its_mark_is_dropped()
    {
        var folder = new PickupFolder(Pickup, State);
        var eventId = Guid.NewGuid();
        folder.Write(eventId, Mail("first"));
        File.Delete(folder.PathOf(eventId));

        folder.Forget([eventId]);

        Assert.False(folder.Holds(eventId));
        Assert.Empty(Directory.GetFiles(Path.Combine(State, "written")));
    }

    [Fact]
    public void Temporary_files_a_crash_left_are_removed_and_a_pickup_service_never_sees_a_half_written_mail()
    {
        Directory.CreateDirectory(Pickup);
        var leftover = Path.Combine(Pickup, $".{Guid.NewGuid():D}.eml.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "Subject: half");

        var folder = new PickupFolder(Pickup, State);
        folder.Write(Guid.NewGuid(), Mail("whole"));

        Assert.False(File.Exists(leftover));
        var mail = Assert.Single(Directory.GetFiles(Pickup));
        Assert.EndsWith(".eml", mail, StringComparison.Ordinal);
        Assert.Equal("whole", MimeMessage.Load(mail).Subject);
    }

    private static MimeMessage Mail(string subject) => new() { Subject = subject, Body = new TextPart("plain") { Text = subject } };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
