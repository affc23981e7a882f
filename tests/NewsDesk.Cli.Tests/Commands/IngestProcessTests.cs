using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NewsDesk.TestSupport;

namespace NewsDesk.Cli.Tests.Commands;

/// <summary>The built CLI as its own process, the way scripts run it: hostile inputs, and kill -9 at random moments.</summary>
public sealed class IngestProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Hostile_inputs_give_one_json_object_exit_0_and_no_stack_trace()
    {
        using var directory = new TempDirectory();
        directory.Write("in/empty.xml", "");
        directory.Write("in/truncated.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Whole</title></item><item><title>Cut");
        directory.Write("in/html.xml", "<!DOCTYPE html><html><head><title>Not a feed</title></head><body>x</body></html>");
        directory.Write("in/laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss><channel><item><title>&c;</title></item></channel></rss>");
        directory.Write("in/xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&e;</title></item></channel></rss>");
        directory.Write("in/garbage.xml", "<<<>>>&&&<?<!--");
        directory.Write("in/json.json", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":1,\"title\":\"J\"},{\"broken\":");
        await File.WriteAllBytesAsync(directory.File("in/binary.bin"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], TestContext.Current.CancellationToken);
        directory.Write("in/dates.xml", "<rss version=\"2.0\"><channel><title>D</title>" + string.Concat(
            new[] { "Tue, 02 Jan 2024 10:00:00 GMT", "2024-01-02T10:00:00Z", "02 Jan 2024", "yesterday", "", "2024/01/02", "1704189600", "Jan 2, 2024 10:00 AM", "2024-01-02 10:00", "Tue, 2 Jan 24 10:00 PST" }
                .Select((d, i) => $"<item><guid>d{i}</guid><title>Dated {i}</title><pubDate>{d}</pubDate></item>")) + "</channel></rss>");

        var run = await RunAsync(["ingest", "--json", "--db", directory.File("h.db"), directory.File("in")]);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        var rejected = json.RootElement.GetProperty("rejected").EnumerateArray().Select(r => Path.GetFileName(r.GetProperty("source").GetString())).Order(StringComparer.Ordinal);
        Assert.Equal(["binary.bin", "empty.xml", "garbage.xml", "html.xml", "json.json", "laughs.xml", "truncated.xml", "xxe.xml"], rejected);
        Assert.Equal(11, json.RootElement.GetProperty("added").GetInt32());
        Assert.DoesNotContain("root:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_out_of_range_is_a_one_line_fatal_error_that_names_it()
    {
        using var directory = new TempDirectory();

        var run = await RunAsync(["ingest", "--json", "--db", directory.File("s.db"), directory.Write("a.xml", "<rss/>")], new Dictionary<string, string?> { ["NewsDesk__PageCacheMiB"] = "0" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("newsdesk: invalid configuration:", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("The field PageCacheMiB must be between 1 and 1024.", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Killed_at_random_moments_the_store_stays_consistent_and_a_rerun_finishes_the_job()
    {
        using var directory = new TempDirectory();
        const int Feeds = 20;
        const int ItemsPerFeed = 120;
        const int BatchSize = 10;
        var feeds = Enumerable.Range(0, Feeds).Select(f => directory.Write($"feeds/{f:00}.xml", FeedOf(f, ItemsPerFeed))).ToList();
        var db = directory.File("crash.db");
        var environment = new Dictionary<string, string?> { ["Ingest__BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // Created once up front: a migration is one transaction, but the test is about ingest.
        Assert.Equal(0, (await RunAsync(["migrate", "--db", db], environment)).ExitCode);

        // Kill points: a third at a random moment of start-up (host, store, parsing), the rest at a random point of
        // the writing, found by watching the store fill and then waiting a random few milliseconds into the next batch.
        var random = new Random(20261128);
        var killed = 0;
        for (var f = 0; f < Feeds; f++)
        {
            Kill kill = f % 3 == 0
                ? new Kill(TimeSpan.FromMilliseconds(random.Next(50, 1500)), null, TimeSpan.Zero)
                : new Kill(null, random.Next(0, ItemsPerFeed - BatchSize), TimeSpan.FromMilliseconds(random.Next(0, 60)));
            killed += await RunAndKillAsync(["ingest", "--db", db, feeds[f]], environment, db, $"Crash Feed {f}", kill) ? 1 : 0;
            await AssertConsistentAsync(db, BatchSize);
        }

        Assert.True(killed >= Feeds - 2, $"only {killed} of {Feeds} runs were still going when killed");

        var rerun = await RunAsync(["ingest", "--json", "--db", db, .. feeds], environment);
        Assert.Equal(0, rerun.ExitCode);
        await AssertConsistentAsync(db, batchSize: 1);
        Assert.Equal([(Feeds * ItemsPerFeed).ToString(System.Globalization.CultureInfo.InvariantCulture)], await IngestCommandTests.QueryAsync(db, "SELECT COUNT(*) FROM Articles"));
        Assert.Equal(["0"], await IngestCommandTests.QueryAsync(db, "SELECT COUNT(*) FROM (SELECT ExternalId FROM Articles GROUP BY ExternalId HAVING COUNT(*) > 1)"));
        var again = await RunAsync(["ingest", "--json", "--db", db, .. feeds], environment);
        using var summary = JsonDocument.Parse(again.Stdout);
        Assert.Equal(Feeds * ItemsPerFeed, summary.RootElement.GetProperty("duplicates").GetInt32());
    }

    private static async Task AssertConsistentAsync(string db, int batchSize)
    {
        Assert.Equal(["ok"], await IngestCommandTests.QueryAsync(db, "PRAGMA integrity_check"));
        Assert.Empty(await IngestCommandTests.QueryAsync(db, "PRAGMA foreign_key_check"));
        Assert.Equal(["0"], await IngestCommandTests.QueryAsync(db, "SELECT COUNT(*) FROM Articles a WHERE NOT EXISTS (SELECT 1 FROM ArticleRevisions r WHERE r.ArticleId = a.Id)"));
        Assert.Equal(["0"], await IngestCommandTests.QueryAsync(db, "SELECT COUNT(*) FROM Articles a WHERE a.Fingerprint IS NOT NULL AND (SELECT COUNT(*) FROM ArticleSimilarityBands b WHERE b.ArticleId = a.Id) <> 8"));
        Assert.Equal(["0"], await IngestCommandTests.QueryAsync(db, "SELECT COUNT(*) FROM (SELECT ContentHash FROM Articles GROUP BY ContentHash HAVING COUNT(*) > 1)"));
        // Batches commit whole: per source, the stored count is a multiple of the batch size.
        Assert.Empty(await IngestCommandTests.QueryAsync(db, $"SELECT SourceId FROM Articles GROUP BY SourceId HAVING COUNT(*) % {batchSize} <> 0"));
    }

    private static string FeedOf(int feed, int items)
    {
        var builder = new StringBuilder($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Crash Feed {feed}</title>");
        for (var i = 0; i < items; i++)
        {
            var random = new Random(feed * 10_000 + i);
            var words = string.Join(' ', Enumerable.Range(0, 150).Select(_ => "w" + random.Next(100_000)));
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"<item><guid>f{feed}-{i}</guid><link>https://crash.example/{feed}/{i}</link><title>Feed {feed} story {i}</title><description>&lt;p&gt;{words}&lt;/p&gt;</description></item>");
        }

        return builder.Append("</channel></rss>").ToString();
    }

    private static async Task<ProcessResult> RunAsync(string[] args, IDictionary<string, string?>? environment = null) =>
        await ProjectProcess.RunAsync(ProjectProcess.StartInfo(ProjectProcess.Assembly("NewsDesk.Cli", "newsdesk"), args, environment), Limit);

    private sealed record Kill(TimeSpan? After, int? WhenStored, TimeSpan Extra);

    /// <returns>True when the process was still running and was killed.</returns>
    private static async Task<bool> RunAndKillAsync(string[] args, IDictionary<string, string?> environment, string db, string source, Kill kill)
    {
        using var process = Process.Start(ProjectProcess.StartInfo(ProjectProcess.Assembly("NewsDesk.Cli", "newsdesk"), args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (kill.After is { } after)
        {
            await Task.WhenAny(exited, Task.Delay(after, TestContext.Current.CancellationToken));
        }
        else
        {
            var deadline = DateTime.UtcNow + Limit;
            while (!exited.IsCompleted && DateTime.UtcNow < deadline && await StoredAsync(db, source) <= kill.WhenStored)
            {
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }

            await Task.WhenAny(exited, Task.Delay(kill.Extra, TestContext.Current.CancellationToken));
        }

        if (exited.IsCompleted)
        {
            return false;
        }

        process.Kill(); // SIGKILL: no handler, no flush, no cleanup.
        await exited;
        await Task.WhenAll(stdout, stderr);
        return true;
    }

    private static async Task<int> StoredAsync(string db, string source)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Articles WHERE SourceName = $name";
        command.Parameters.AddWithValue("$name", source);
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
