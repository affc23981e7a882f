using Microsoft.Data.Sqlite;
using NewsDesk.TestSupport;

namespace NewsDesk.Cli.Tests.Commands;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_a_new_database_at_the_given_path()
    {
        using var directory = new TempDirectory();
        var db = directory.File("nested/dir/newsdesk.db");

        var run = await Cli.RunAsync("migrate", "--db", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(db, run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(db));
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory";
        Assert.True(Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_db_option_may_come_before_the_command()
    {
        using var directory = new TempDirectory();

        var run = await Cli.RunAsync("--db", directory.File("a.db"), "migrate");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(directory.File("a.db")));
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error_on_stderr_only()
    {
        var run = await Cli.RunAsync("migrate", "--frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("--frobnicate", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_a_one_line_fatal_error()
    {
        using var directory = new TempDirectory();
        var notADatabase = directory.Write("garbage.db", "this is not a sqlite file, just text that is long enough to have a header");

        var run = await Cli.RunAsync("migrate", "--db", notADatabase);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("newsdesk:", StringComparison.Ordinal));
        Assert.Contains("not a database", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }
}
