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
    public void A_crash_before_the_mark_leaves_only_a_hidden_file_which_the_redelivered_event_replaces_with_the_whole_mail()
    {
        var eventId = Guid.NewGuid();
        Directory.CreateDirectory(Pickup);
        File.WriteAllText(Path.Combine(Pickup, $".{eventId:D}.eml.tmp"), "Subject: half");
        Assert.Empty(Directory.GetFiles(Pickup, "*.eml")); // what a pickup service takes

        var folder = new PickupFolder(Pickup, State);
        Assert.False(folder.Holds(eventId));
        Assert.True(folder.Write(eventId, Mail("whole")));

        Assert.Equal([$"{eventId:D}.eml"], Directory.GetFiles(Pickup).Select(Path.GetFileName));
        Assert.Equal("whole", MimeMessage.Load(folder.PathOf(eventId)).Subject);
    }

    [Fact]
    public void A_crash_between_the_mark_and_the_rename_is_finished_by_the_redelivered_event()
    {
        var folder = new PickupFolder(Pickup, State);
        var eventId = Guid.NewGuid();
        folder.Write(eventId, Mail("first"));
        // What the disk holds when the crash came after the mark and before the rename.
        File.Move(folder.PathOf(eventId), Path.Combine(Pickup, $".{eventId:D}.eml.tmp"));

        var restarted = new PickupFolder(Pickup, State);
        Assert.False(restarted.Holds(eventId));
        Assert.True(restarted.Write(eventId, Mail("second")));

        Assert.Equal([$"{eventId:D}.eml"], Directory.GetFiles(Pickup).Select(Path.GetFileName));
        Assert.Equal("first", MimeMessage.Load(folder.PathOf(eventId)).Subject);
        Assert.True(restarted.Holds(eventId));
    }

    private static MimeMessage Mail(string subject) => new() { Subject = subject, Body = new TextPart("plain") { Text = subject } };

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
