using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsDesk.TestSupport;

namespace NewsDesk.Cli.Tests.Commands;

public sealed class IngestCommandTests
{
    private const string Feed = """
        <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><guid>1</guid><title>One</title><link>https://wire.example/1</link><description>First story.</description></item>
        <item><guid>2</guid><title>Two</title><link>https://wire.example/2</link><description>Second story.</description></item>
        </channel></rss>
        """;

    [Fact]
    public async Task Json_prints_exactly_the_summary_object_and_a_missing_input_is_a_rejection()
    {
        using var directory = new TempDirectory();
        var feed = directory.Write("feed.xml", Feed);

        var run = await Cli.RunAsync("ingest", "--db", directory.File("n.db"), "--json", feed, directory.File("missing.xml"));

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["added", "updated", "duplicates", "rejected"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, json.RootElement.GetProperty("added").GetInt32());
        var rejected = Assert.Single(json.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(directory.File("missing.xml"), rejected.GetProperty("source").GetString());
        Assert.Equal("no such file or directory", rejected.GetProperty("reason").GetString());
        Assert.Equal(1, run.Stdout.Count(c => c == '\n'));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Options_may_stand_before_between_and_after_the_inputs()
    {
        using var directory = new TempDirectory();
        var a = directory.Write("a.xml", Feed);
        var b = directory.Write("b.xml", Feed.Replace("<guid>1</guid><title>One", "<guid>3</guid><title>Three", StringComparison.Ordinal).Replace("wire.example/1", "wire.example/3", StringComparison.Ordinal).Replace("First", "Third", StringComparison.Ordinal));
        var db = directory.File("n.db");

        var run = await Cli.RunAsync("ingest", a, "--json", "--source", "Named Desk", b, "--db", db, "--publish");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal((3, 1), (json.RootElement.GetProperty("added").GetInt32(), json.RootElement.GetProperty("duplicates").GetInt32()));
        Assert.Equal(["Named Desk|Published|3"], await QueryAsync(db, "SELECT SourceName || '|' || Status || '|' || COUNT(*) FROM Articles GROUP BY SourceName, Status"));
    }

    [Fact]
    public async Task Without_json_a_human_summary_goes_to_stdout()
    {
        using var directory = new TempDirectory();

        var run = await Cli.RunAsync("ingest", "--db", directory.File("n.db"), directory.Write("a.xml", Feed));

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("2 added, 0 updated, 0 duplicates, 0 rejected", run.Stdout, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "--json")]
    [InlineData("ingest", "--frobnicate", "a.xml")]
    [InlineData("ingest", "--source", "", "a.xml")]
    public async Task Usage_errors_exit_2_with_nothing_on_stdout(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.NotEqual("", run.Stderr);
    }

    [Fact]
    public async Task An_unusable_database_is_a_one_line_fatal_error()
    {
        using var directory = new TempDirectory();
        var notADatabase = directory.Write("garbage.db", "this is not a sqlite file, just text that is long enough to have a header");

        var run = await Cli.RunAsync("ingest", "--json", "--db", notADatabase, directory.Write("a.xml", Feed));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

    internal static async Task<List<string>> QueryAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        SqliteConnection.ClearAllPools();
        return rows;
    }
}
