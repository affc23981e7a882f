using System.Text.Json;
using NewsDesk.TestSupport;

namespace NewsDesk.Cli.Tests.Commands;

/// <summary>The <c>tag</c> contract scripts depend on: JSON shape, offsets, exit codes, errors on standard error.</summary>
public sealed class TagCommandTests
{
    [Fact]
    public async Task Tagging_the_seed_prints_one_JSON_object_with_the_contract_s_fields()
    {
        var run = await Cli.RunAsync("tag", "--json", Repository.SeedFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var japan = root.GetProperty("countries")[0];
        Assert.Equal("JP", japan.GetProperty("code").GetString());
        Assert.Equal("Japan", japan.GetProperty("name").GetString());
        Assert.InRange(japan.GetProperty("score").GetDouble(), 0.5, 1);
        var region = root.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "eastern-asia");
        Assert.Equal("Eastern Asia", region.GetProperty("name").GetString());
        Assert.Equal("subregion", region.GetProperty("kind").GetString());
        var topic = root.GetProperty("topics").EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "cyber-security");
        Assert.StartsWith("medtop:", topic.GetProperty("iptc").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "Nobuo Kishi" && e.GetProperty("kind").GetString() == "person");
        foreach (var list in new[] { "countries", "regions", "topics", "entities" })
        {
            var scores = root.GetProperty(list).EnumerateArray().Select(x => x.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
        }
    }

    [Fact]
    public async Task Evidence_offsets_are_UTF16_indexes_into_the_file_as_given()
    {
        using var directory = new TempDirectory();
        var text = "Điện Biên — Vietnam 🇻🇳 and Japan signed a pact.\r\n\r\n“Japan” and 日本 agreed on defence cooperation with Việt Nam.";
        var file = directory.Write("a.txt", text);

        var run = await Cli.RunAsync("tag", "--json", file);

        using var json = JsonDocument.Parse(run.Stdout);
        var spans = json.RootElement.GetProperty("countries").EnumerateArray().SelectMany(c => c.GetProperty("evidence").EnumerateArray()).ToList();
        Assert.True(spans.Count >= 5);
        foreach (var e in spans)
        {
            Assert.Equal(e.GetProperty("text").GetString(), text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
        }
    }

    [Fact]
    public async Task A_seed_format_file_skips_its_metadata_lines()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("seed.txt", "Updated November 24th, 2021 at 13:23 IST\n\nPact signed\n\nReported by: Japan Desk\nIMAGE: Vietnam News\n\nThe two nations signed a pact.\n");

        var run = await Cli.RunAsync("tag", "--json", file);

        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetProperty("countries").GetArrayLength());
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_error_and_exit_2()
    {
        var run = await Cli.RunAsync("tag", "--json", "/no/such/file.txt");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("newsdesk: /no/such/file.txt: no such file", run.Stderr.Trim());
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_with_a_size_message_and_exit_2()
    {
        using var directory = new TempDirectory();
        var file = directory.File("big.txt");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var run = await Cli.RunAsync("tag", "--json", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("52,428,800 bytes, over the 5,242,880-byte limit", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_size_limit_is_configurable()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("a.txt", "Japan and Vietnam signed a pact in Hanoi on Tuesday.");

        var refused = await Cli.RunAsync("tag", "--json", "--max-bytes", "10", file);
        var accepted = await Cli.RunAsync("tag", "--json", "--max-bytes", "1000", file);

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(0, accepted.ExitCode);
    }

    [Fact]
    public async Task Binary_content_is_a_clear_error()
    {
        using var directory = new TempDirectory();
        var file = directory.File("image.png");
        await File.WriteAllBytesAsync(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], TestContext.Current.CancellationToken);

        var run = await Cli.RunAsync("tag", "--json", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a text file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_gives_empty_lists()
    {
        using var directory = new TempDirectory();
        var run = await Cli.RunAsync("tag", "--json", directory.Write("empty.txt", ""));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("{\"countries\":[],\"regions\":[],\"topics\":[],\"entities\":[]}", run.Stdout.Trim());
    }

    [Fact]
    public async Task Jsonl_tags_every_regular_file_in_the_directory_and_reports_bad_ones_in_line()
    {
        using var directory = new TempDirectory();
        directory.Write("b.txt", "China sent bombers over the Taiwan Strait.");
        directory.Write("a.txt", "Russia struck Kharkiv overnight.");
        await File.WriteAllBytesAsync(directory.File("c.bin"), [1, 0, 2, 0], TestContext.Current.CancellationToken);
        await using (var big = File.Create(directory.File("d.txt")))
        {
            big.SetLength(6 * 1024 * 1024);
        }

        Directory.CreateDirectory(directory.File("subdir"));
        directory.Write("subdir/e.txt", "Japan");

        var run = await Cli.RunAsync("tag", "--json", "--jsonl", directory.Path);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a.txt", "b.txt", "c.bin", "d.txt"], lines.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal(["RU", "UA"], lines[0].GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Contains(lines[1].GetProperty("regions").EnumerateArray(), r => r.GetProperty("slug").GetString() == "taiwan-strait");
        Assert.Contains("not a text file", lines[2].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("over the", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 of 4 files", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jsonl_from_the_process_is_byte_for_byte_the_in_process_output_in_file_name_order()
    {
        using var directory = new TempDirectory();
        for (var i = 0; i < 300; i++)
        {
            // More files than one output chunk, names out of creation order, text in several scripts.
            directory.Write($"{(i * 7919) % 1000:D4}-Việt.txt", $"Hà Nội and Tokyo signed a pact ({i}).\n\n“Japan” and 日本 watched Россия in the Sea of Japan.");
        }

        directory.Write("zz-bad.bin", "\0\0");

        var process = await ProjectProcess.RunAsync(
            ProjectProcess.StartInfo(ProjectProcess.Assembly("NewsDesk.Cli", "newsdesk"), ["tag", "--json", "--jsonl", directory.Path]), TimeSpan.FromMinutes(2));
        var inProcess = await Cli.RunAsync("tag", "--json", "--jsonl", directory.Path);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(inProcess.Stdout, process.Stdout);
        var names = process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).ToList();
        Assert.Equal(301, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("1 of 301 files", process.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_directory_is_exit_2()
    {
        var run = await Cli.RunAsync("tag", "--json", "--jsonl", "/no/such/dir");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such directory", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Standard_input_is_read_when_FILE_is_a_dash_and_only_JSON_reaches_stdout()
    {
        var info = ProjectProcess.StartInfo(ProjectProcess.Assembly("NewsDesk.Cli", "newsdesk"), ["tag", "--json", "-"]);

        var result = await ProjectProcess.RunAsync(info, TimeSpan.FromMinutes(2), stdin: "Pyongyang fired a missile toward the Sea of Japan.");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("KP", json.RootElement.GetProperty("countries")[0].GetProperty("code").GetString());
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Curated_tagging_opens_the_store_and_uses_its_aliases()
    {
        using var directory = new TempDirectory();
        var db = directory.File("store.db");
        Assert.Equal(0, (await Cli.RunAsync("migrate", "--db", db)).ExitCode);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO TermAliases (TermId, Name) SELECT Id, 'Sento Shosho' FROM Terms WHERE Key = 'disputed:senkaku-islands'; UPDATE TaxonomyState SET Stamp = '00000000-0000-0000-0000-000000000042';";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = directory.Write("a.txt", "Patrol boats circled Sento Shosho again.");

        var builtIn = await Cli.RunAsync("tag", "--json", file);
        var curated = await Cli.RunAsync("tag", "--json", "--curated", "--db", db, file);

        Assert.DoesNotContain("senkaku-islands", builtIn.Stdout, StringComparison.Ordinal);
        Assert.Contains("senkaku-islands", curated.Stdout, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
