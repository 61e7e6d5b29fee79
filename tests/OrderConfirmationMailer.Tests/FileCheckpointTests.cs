using OrderConfirmationMailer.Checkpoints;

namespace OrderConfirmationMailer.Tests;

public sealed class FileCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailer-checkpoint-").FullName;

    private string CheckpointPath => Path.Combine(_directory, "checkpoint.json");

    [Fact]
    public void Before_the_first_save_there_is_no_cursor_so_the_feed_is_read_from_its_beginning()
    {
        using var checkpoint = new FileCheckpoint(CheckpointPath);
        Assert.Null(checkpoint.Load());
    }

    [Fact]
    public void A_saved_cursor_is_what_a_restarted_mailer_loads_and_each_save_replaces_the_last()
    {
        using (var checkpoint = new FileCheckpoint(CheckpointPath))
        {
            checkpoint.Save("cursor-1");
            checkpoint.Save("cursor-2");
        }

        using var restarted = new FileCheckpoint(CheckpointPath);
        Assert.Equal("cursor-2", restarted.Load());
        Assert.Equal(["checkpoint.json", "checkpoint.json.lock"], Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_a_crash_during_a_save_leaves_behind_does_not_change_the_saved_cursor_and_is_removed()
    {
        using (var checkpoint = new FileCheckpoint(CheckpointPath)) checkpoint.Save("cursor-1");
        // A save is a write to a temporary file renamed into place: a crash before the rename leaves only that file.
        var leftover = Path.Combine(_directory, ".checkpoint.json.0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{\"cursor\":\"cursor-");

        using var restarted = new FileCheckpoint(CheckpointPath);
        Assert.Equal("cursor-1", restarted.Load());
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void A_damaged_checkpoint_stops_the_mailer_with_its_path_instead_of_starting_over()
    {
        File.WriteAllText(CheckpointPath, "not json");

        using var checkpoint = new FileCheckpoint(CheckpointPath);
        var error = Assert.Throws<InvalidDataException>(checkpoint.Load);
        Assert.Contains(CheckpointPath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_mailer_on_the_same_state_is_refused_while_the_first_runs()
    {
        using var first = new FileCheckpoint(CheckpointPath);

        var error = Assert.Throws<IOException>(() => new FileCheckpoint(CheckpointPath));
        Assert.Contains("one mailer per state directory", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
