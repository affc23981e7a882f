using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using NewsDesk.Cli.Tagging;
using NewsDesk.Ingest;
using NewsDesk.Ingest.PlainText;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Taxonomy;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Cli.Commands;

/// <summary>
/// <c>newsdesk tag --json FILE</c> (FILE may be <c>-</c>) and <c>newsdesk tag --json --jsonl DIR</c>: tags text with the
/// built-in taxonomy and prints JSON. It does not open the store (fast, and the same answer on every machine) unless
/// <c>--curated</c> asks for the store's aliases, merges and added regions.
/// </summary>
internal static class TagCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print JSON (the contract scripts rely on)." };
    private static readonly Option<bool> JsonLines = new("--jsonl") { Description = "PATH is a directory: tag every regular file in it, one JSON object per line with its \"file\"." };
    private static readonly Option<long?> MaxBytes = new("--max-bytes") { Description = "Largest file read (default: Ingest:MaxFileBytes, 5 MiB).", HelpName = "N" };
    private static readonly Option<bool> Curated = new("--curated") { Description = "Overlay the store's curation (aliases, merges, admin-added regions and tags); opens the database." };
    private static readonly Argument<string> Path = new("PATH") { Description = "The article file, '-' for standard input, or with --jsonl a directory." };

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("tag", "Tag an article: countries, regions, topics and entities with scores and evidence.");
        command.Options.Add(Json);
        command.Options.Add(JsonLines);
        command.Options.Add(MaxBytes);
        command.Options.Add(Curated);
        command.Arguments.Add(Path);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // The built-in taxonomy compiles on another core while this one reads the settings, lists and reads the files.
            var curated = parsed.GetValue(Curated);
            var builtIn = curated ? null : Task.Run(() => TaxonomySnapshot.BuiltIn, cancellationToken);
            var limit = parsed.GetValue(MaxBytes) ?? ConfiguredLimit();
            if (limit <= 0)
            {
                await stderr.WriteLineAsync("newsdesk: --max-bytes must be positive");
                return CliApp.Usage;
            }

            var taxonomy = builtIn ?? CuratedTaxonomy.LoadAsync(parsed.GetValue(CommonOptions.Database), cancellationToken);
            if (curated)
            {
                await taxonomy; // the store is opened (and migrated if new) before any file is read, as before
            }

            var path = parsed.GetValue(Path)!;
            var json = parsed.GetValue(Json);
            return parsed.GetValue(JsonLines)
                ? await TagDirectoryAsync(taxonomy, path, limit, stdout, stderr, cancellationToken)
                : await TagFileAsync(taxonomy, path, limit, json, stdout, stderr, cancellationToken);
        });
        return command;
    }

    private static async Task<int> TagFileAsync(Task<TaxonomySnapshot> taxonomy, string path, long limit, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = path == "-" ? await ReadStandardInputAsync(limit, cancellationToken) : Read(path, limit);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArticleFormatException)
        {
            await stderr.WriteLineAsync($"newsdesk: {path}: {Reason(ex)}");
            return CliApp.Usage;
        }

        var result = Tagger.Tag(await taxonomy, ArticleText.From(text));
        if (json)
        {
            await WriteUtf8Async(stdout, TagJson.ToUtf8(result, null), cancellationToken);
        }
        else
        {
            await stdout.WriteAsync(Summary(result));
        }

        return CliApp.Ok;
    }

    private static async Task<int> TagDirectoryAsync(Task<TaxonomySnapshot> loading, string directory, long limit, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            await stderr.WriteLineAsync($"newsdesk: {directory}: no such directory");
            return CliApp.Usage;
        }

        string[] files;
        try
        {
            // A full path: each file is then opened without resolving the working directory again.
            files = Directory.GetFiles(System.IO.Path.GetFullPath(directory));
            Array.Sort(files, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"newsdesk: {directory}: {Reason(ex)}");
            return CliApp.Usage;
        }

        // Until the taxonomy is ready, this thread reads and zones the first files (the other core compiles it).
        var inputs = new Input[Math.Min(files.Length, ReadAhead)];
        var readAhead = 0;
        while (readAhead < inputs.Length && !loading.IsCompleted)
        {
            inputs[readAhead] = Prepare(files[readAhead], limit);
            readAhead++;
        }

        var taxonomy = await loading;

        // Files are tagged in parallel in chunks and printed in name order, so memory stays bounded for any count.
        var lines = new byte[Math.Min(Chunk, files.Length)][];
        var output = new ArrayBufferWriter<byte>();
        var failed = 0;
        for (var offset = 0; offset < files.Length; offset += Chunk)
        {
            var n = Math.Min(Chunk, files.Length - offset);
            Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, k =>
            {
                var index = offset + k;
                var input = index < readAhead ? inputs[index] : Prepare(files[index], limit);
                if (index < readAhead)
                {
                    inputs[index] = default; // its text is not needed any more
                }

                if (input.Error is not null)
                {
                    Interlocked.Increment(ref failed);
                    lines[k] = TagJson.ErrorToUtf8(input.Name, input.Error);
                }
                else
                {
                    lines[k] = TagJson.ToUtf8(Tagger.Tag(taxonomy, input.Text!), input.Name);
                }
            });

            output.ResetWrittenCount();
            for (var k = 0; k < n; k++)
            {
                output.Write(lines[k]);
            }

            await WriteUtf8Async(stdout, output.WrittenMemory, cancellationToken);
        }

        if (failed > 0)
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"newsdesk: {failed} of {files.Length} files could not be tagged (see their \"error\" lines)"));
        }

        return CliApp.Ok;
    }

    private const int Chunk = 256;

    /// <summary>How many files at most are read ahead while the taxonomy compiles (their text is held until tagged).</summary>
    private const int ReadAhead = 4 * Chunk;

    /// <summary>A file read and zoned, ready to tag, or why it cannot be.</summary>
    private readonly record struct Input(string Name, TaggingInput? Text, string? Error);

    private static Input Prepare(string file, long limit)
    {
        var name = System.IO.Path.GetFileName(file);
        try
        {
            return new Input(name, ArticleText.From(Read(file, limit)), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArticleFormatException)
        {
            return new Input(name, null, Reason(ex));
        }
    }

    private static string Read(string path, long limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = RandomAccess.GetLength(handle);
        if (length > limit)
        {
            throw new ArticleFormatException(string.Create(CultureInfo.InvariantCulture, $"the file is {length:N0} bytes, over the {limit:N0}-byte limit (Ingest:MaxFileBytes or --max-bytes)"));
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Decode(bytes.AsSpan(0, read));
    }

    private static async Task<string> ReadStandardInputAsync(long limit, CancellationToken cancellationToken)
    {
        await using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, n), cancellationToken);
            if (buffer.Length > limit)
            {
                throw new ArticleFormatException(string.Create(CultureInfo.InvariantCulture, $"standard input is over the {limit:N0}-byte limit (Ingest:MaxFileBytes or --max-bytes)"));
            }
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = TextFiles.Decode(bytes);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArticleFormatException("not a text file (it contains NUL bytes)");
        }

        return text;
    }

    private static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => ex.Message.ReplaceLineEndings(" "),
    };

    /// <summary><c>Ingest:MaxFileBytes</c> from the app's settings file and environment, read without building the host.</summary>
    private static long ConfiguredLimit()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return configuration.GetSection(IngestOptions.Section).GetValue(nameof(IngestOptions.MaxFileBytes), new IngestOptions().MaxFileBytes);
    }

    /// <summary>
    /// UTF-8 straight to the byte stream under <paramref name="stdout"/> when it has one (the process's standard output),
    /// else as text (a caller's writer): JSON lines are never turned into strings and back.
    /// </summary>
    private static async Task WriteUtf8Async(TextWriter stdout, ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        if (stdout is StreamWriter { BaseStream.CanWrite: true } writer && writer.Encoding.CodePage == Encoding.UTF8.CodePage)
        {
            await writer.FlushAsync(cancellationToken);
            await writer.BaseStream.WriteAsync(utf8, cancellationToken);
            return;
        }

        await stdout.WriteAsync(Encoding.UTF8.GetString(utf8.Span));
    }

    private static string Summary(TaggingResult result)
    {
        var text = new StringBuilder();
        void Section(string title, IEnumerable<(string Label, double Score, int Evidence)> rows)
        {
            text.Append(title).Append('\n');
            foreach (var (label, score, evidence) in rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {score,5:0.00}  {label}  ({evidence} mentions)\n");
            }
        }

        Section("Countries", result.Countries.Select(c => ($"{c.Place.Name} [{c.Place.IsoCode}]", c.Score, c.Evidence.Count)));
        Section("Regions", result.Regions.Select(r => ($"{r.Place.Name} ({r.Place.Kind.Name()}, {r.Place.Slug})", r.Score, r.Evidence.Count)));
        Section("Topics", result.Topics.Select(t => ($"{t.Topic.Name} ({t.Topic.Slug}, {t.Topic.IptcCode ?? "no IPTC code"})", t.Score, t.Evidence.Count)));
        Section("Entities", result.Entities.Select(e => ($"{e.Name} ({e.Kind.ToString().ToLowerInvariant()})", e.Score, e.Evidence.Count)));
        return text.ToString();
    }
}
