using OrderConfirmationMailer.Checkpoints;

namespace OrderConfirmationMailer.Tests;

public sealed class FileCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailer-checkpoint-").FullName;

    private string CheckpointPath => Path.Combine(_directory, "checkpoint.json");

    [Fact]
    public void Before_the_first_save_there_is_no_cursor_so_the_feed_is_read_from_its_beginning()
    {
        Assert.Null(new FileCheckpoint(CheckpointPath).Load());
    }

    [Fact]
    public void A_saved_cursor_is_what_a_restarted_mailer_loads_and_each_save_replaces_the_last()
    {
        var checkpoint = new FileCheckpoint(CheckpointPath);
        checkpoint.Save("cursor-1");
        checkpoint.Save("cursor-2");

        Assert.Equal("cursor-2", new FileCheckpoint(CheckpointPath).Load());
        Assert.Equal(["checkpoint.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void What_a_crash_during_a_save_leaves_behind_does_not_change_the_saved_cursor()
    {
        new FileCheckpoint(CheckpointPath).Save("cursor-1");
        // A save is a write to a temporary file renamed into place: a crash before the rename leaves only that file.
        File.WriteAllText(Path.Combine(_directory, ".checkpoint.json.0123456789abcdef.tmp"), "{\"cursor\":\"cursor-");

        Assert.Equal("cursor-1", new FileCheckpoint(CheckpointPath).Load());
    }

    [Fact]
    public void A_damaged_checkpoint_stops_the_mailer_with_its_path_instead_of_starting_over()
    {
        File.WriteAllText(CheckpointPath, "not json");

        var error = Assert.Throws<InvalidDataException>(() => new FileCheckpoint(CheckpointPath).Load());
        Assert.Contains(CheckpointPath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
