using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest.Feeds;
using NewsDesk.Ingest.Http;
using NewsDesk.Ingest.PlainText;

namespace NewsDesk.Ingest.Pipeline;

/// <summary>
/// The one way articles come in: the CLI, the feed poller and the desk's upload page all call this.
/// Every input (file, directory, upload stream, feed or page URL) is read, de-duplicated, tagged and stored
/// item by item in whole-item transactions; whatever is refused comes back in the summary with a one-line reason,
/// and each input is recorded as a <see cref="FeedRun"/>. Bad input never throws: only an unusable store does.
/// </summary>
public sealed partial class IngestService(
    ArticleWriter writer,
    Fetcher fetcher,
    IServiceScopeFactory scopes,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    private static readonly string Instance = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Inputs as a command line names them: files, directories (all files, recursively) and http(s) URLs.</summary>
    public async Task<IngestSummary> IngestAsync(IEnumerable<string> inputs, IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var summary = new IngestSummary();
        foreach (var input in inputs)
        {
            if (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                summary.Add(Uri.TryCreate(input, UriKind.Absolute, out var url)
                    ? await IngestUrlAsync(url, request, cancellationToken)
                    : Rejected(input, "not a valid URL"));
            }
            else if (Directory.Exists(input))
            {
                summary.Add(await IngestDirectoryAsync(input, request, cancellationToken));
            }
            else if (File.Exists(input))
            {
                summary.Add(await IngestFileAsync(input, request, cancellationToken));
            }
            else
            {
                var reason = input.Contains("://", StringComparison.Ordinal) ? "only http and https URLs can be fetched" : "no such file or directory";
                summary.Add(await RecordRejectionAsync(input, reason, request, cancellationToken));
            }
        }

        return summary;
    }

    /// <summary>Every file under <paramref name="directory"/>, recursively, in name order; hidden files are skipped.</summary>
    public async Task<IngestSummary> IngestDirectoryAsync(string directory, IngestRequest request, CancellationToken cancellationToken = default)
    {
        var summary = new IngestSummary();
        IEnumerable<string> files;
        try
        {
            files = [.. Directory.EnumerateFiles(directory, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            }).Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await RecordRejectionAsync(directory, "cannot list the directory: " + FeedParser.OneLine(ex.Message), request, cancellationToken);
        }

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(directory, file);
            summary.Add(await IngestLocalAsync(new LocalInput(file, file, relative.Replace('\\', '/'), null, null, HtmlIsArticle: false), request, source: null, cancellationToken));
        }

        return summary;
    }

    public Task<IngestSummary> IngestFileAsync(string path, IngestRequest request, CancellationToken cancellationToken = default) =>
        IngestLocalAsync(new LocalInput(path, path, Path.GetFileName(path), null, null, HtmlIsArticle: false), request, source: null, cancellationToken);

    /// <summary>
    /// An uploaded file: <paramref name="name"/> is its file name (the default source name and, for a plain-text
    /// article, its identity within the source). The stream is copied (up to the feed size limit) and read from the copy.
    /// </summary>
    public async Task<IngestSummary> IngestStreamAsync(string name, Stream content, IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = Path.Combine(Fetcher.TempDirectory(), Guid.NewGuid().ToString("N"));
        try
        {
            var limit = options.Value.MaxFeedBytes;
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > limit)
                    {
                        return await RecordRejectionAsync(name, $"over the {limit:N0}-byte limit", request, cancellationToken);
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return await IngestLocalAsync(new LocalInput(file, name, Path.GetFileName(name), null, null, HtmlIsArticle: false), request, source: null, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A feed URL (its items) or an article page URL (its main text), fetched under the SSRF and size rules.</summary>
    public async Task<IngestSummary> IngestUrlAsync(Uri url, IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        request ??= new IngestRequest();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(options.Value.InputTimeoutSeconds));
        FetchedResource fetched;
        try
        {
            fetched = await fetcher.FetchAsync(url, cancellationToken: limit.Token);
        }
        catch (FetchException ex)
        {
            return await RecordRejectionAsync(url.OriginalString, ex.Message, request, cancellationToken, ex.Status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await RecordRejectionAsync(url.OriginalString, $"stopped at the {options.Value.InputTimeoutSeconds} s per-input time limit", request, cancellationToken);
        }

        using (fetched)
        {
            var input = new LocalInput(fetched.File!, url.OriginalString, fetched.Url.AbsoluteUri, fetched.Url, fetched.Charset, HtmlIsArticle: true) { HttpStatus = fetched.Status };
            return await IngestLocalAsync(input, request, source: null, cancellationToken);
        }
    }

    /// <summary>One poll of a feed source (conditional GET); the poller calls this with a source it has claimed.</summary>
    internal async Task<PollOutcome> PollAsync(Source source, CancellationToken cancellationToken)
    {
        var request = new IngestRequest { Trigger = FeedRunTrigger.Poll, SourceName = source.Name };
        var target = new SourceRef(source.Id, source.Name, source.TrustedToPublish);
        FetchedResource fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new Uri(source.Url!), source.ETag, source.LastModified, cancellationToken);
        }
        catch (Exception ex) when (ex is FetchException or UriFormatException)
        {
            await RecordAsync(source.Url!, target.Id, FeedRunTrigger.Poll, FeedRunOutcome.Failed, (ex as FetchException)?.Status, new IngestSummary(), ex.Message, cancellationToken);
            return new PollOutcome(false, "failed", ex.Message, null, null);
        }

        using (fetched)
        {
            if (fetched.NotModified)
            {
                await RecordAsync(source.Url!, target.Id, FeedRunTrigger.Poll, FeedRunOutcome.NotModified, 304, new IngestSummary(), null, cancellationToken);
                return new PollOutcome(true, "304 Not Modified", null, fetched.ETag, fetched.LastModified);
            }

            var input = new LocalInput(fetched.File!, source.Url!, fetched.Url.AbsoluteUri, fetched.Url, fetched.Charset, HtmlIsArticle: false) { HttpStatus = fetched.Status };
            var summary = await IngestLocalAsync(input, request, target, cancellationToken);
            var failed = summary.Rejected.Count > 0 && summary.Added + summary.Updated + summary.Duplicates == 0;
            var status = string.Create(CultureInfo.InvariantCulture, $"{fetched.Status}: {summary.Added} added, {summary.Updated} updated, {summary.Duplicates} unchanged");
            return new PollOutcome(!failed, status, failed ? summary.Rejected[0].Reason : null, fetched.ETag, fetched.LastModified);
        }
    }

    internal sealed record PollOutcome(bool Succeeded, string Status, string? Error, string? ETag, string? LastModified);

    private sealed record LocalInput(string File, string Display, string ExternalId, Uri? DocumentUri, string? Charset, bool HtmlIsArticle)
    {
        public int? HttpStatus { get; init; }
    }

    private sealed record SourceRef(int Id, string Name, bool TrustedToPublish);

    private async Task<IngestSummary> IngestLocalAsync(LocalInput input, IngestRequest request, SourceRef? source, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var summary = new IngestSummary();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(settings.InputTimeoutSeconds));
        var token = limit.Token;
        long? runId = null;
        var stopwatch = Stopwatch.StartNew();
        var itemNumber = 0;
        WriteAhead? pipeline = null;
        try
        {
            var content = await InputReader.ReadAsync(input.File, input.ExternalId, input.DocumentUri, input.Charset, input.HtmlIsArticle, settings, token);
            if (content.Article is { } single)
            {
                var name = request.SourceName ?? content.SiteName ?? input.DocumentUri?.Host ?? Path.GetFileName(input.Display);
                source ??= await SourceAsync(name, input.DocumentUri is null ? SourceKind.File : SourceKind.Web, input.DocumentUri, token);
                runId = await StartRunAsync(input.Display, source.Id, request.Trigger, token);
                await WriteAsync([IncomingItem.From(single)], source, request, summary, input.Display, token);
            }
            else
            {
                var feed = content.Feed!;
                using var items = feed.Items.GetEnumerator();
                var hasFirst = items.MoveNext();
                if (!hasFirst && feed.XmlError is { } xmlError)
                {
                    // Read leniently and nothing came of it: a broken document, not an empty feed (and no source).
                    throw new FeedFormatException(xmlError + "; no entry could be read from it");
                }

                var name = request.SourceName ?? feed.Info.Title ?? Path.GetFileName(input.Display.TrimEnd('/'));
                source ??= await SourceAsync(name, SourceKind.Feed, input.DocumentUri, token);
                runId = await StartRunAsync(input.Display, source.Id, request.Trigger, token);
                pipeline = new WriteAhead(this, writer, source, request, input.Display, token);
                var batch = new List<IncomingItem>(settings.BatchSize);
                for (var more = hasFirst; more; more = items.MoveNext())
                {
                    token.ThrowIfCancellationRequested();
                    itemNumber++;
                    var article = ItemMapping.FromFeed(items.Current, out var reason);
                    if (article is null)
                    {
                        summary.Rejected.Add(new IngestRejection(input.Display, $"item {itemNumber}: {reason}"));
                        continue;
                    }

                    batch.Add(article);
                    if (batch.Count >= settings.BatchSize)
                    {
                        await pipeline.AddAsync(batch);
                        batch = new List<IncomingItem>(settings.BatchSize);
                    }
                }

                await pipeline.AddAsync(batch);
                await pipeline.SettleAsync(summary);
                foreach (var warning in feed.Warnings)
                {
                    LogWarning(input.Display, warning);
                }

                foreach (var problem in feed.Problems)
                {
                    summary.Rejected.Add(new IngestRejection(input.Display, problem));
                }
            }

            var outcome = summary.Rejected.Count == 0 ? FeedRunOutcome.Succeeded : FeedRunOutcome.Partial;
            await FinishRunAsync(runId, input, source, request, outcome, summary, summary.Rejected.FirstOrDefault()?.Reason, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await SettleAsync(pipeline, summary);
            var stored = summary.Added + summary.Updated + summary.Duplicates;
            var reason = string.Create(CultureInfo.InvariantCulture, $"stopped at the {settings.InputTimeoutSeconds} s per-input time limit after {stored} items; run it again to continue");
            summary.Rejected.Add(new IngestRejection(input.Display, reason));
            await FinishRunAsync(runId, input, source, request, stored > 0 ? FeedRunOutcome.Partial : FeedRunOutcome.Failed, summary, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is FeedFormatException or ArticleFormatException or XmlException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await SettleAsync(pipeline, summary);
            var reason = FeedParser.OneLine(ex.Message);
            summary.Rejected.Add(new IngestRejection(input.Display, reason));
            var stored = summary.Added + summary.Updated + summary.Duplicates;
            await FinishRunAsync(runId, input, source, request, stored > 0 ? FeedRunOutcome.Partial : FeedRunOutcome.Failed, summary, reason, cancellationToken);
        }

        catch (Exception ex) when (ex is not OperationCanceledException && !IsStoreFailure(ex))
        {
            // A parser or extractor failing in a way nobody foresaw still costs only this input.
            await SettleAsync(pipeline, summary);
            LogUnexpected(input.Display, ex.GetType().Name, FeedParser.OneLine(ex.Message));
            var reason = "could not be read (" + ex.GetType().Name + ": " + FeedParser.OneLine(ex.Message) + ")";
            summary.Rejected.Add(new IngestRejection(input.Display, reason));
            var stored = summary.Added + summary.Updated + summary.Duplicates;
            await FinishRunAsync(runId, input, source, request, stored > 0 ? FeedRunOutcome.Partial : FeedRunOutcome.Failed, summary, reason, cancellationToken);
        }

        LogInput(input.Display, summary.Added, summary.Updated, summary.Duplicates, summary.Rejected.Count, stopwatch.ElapsedMilliseconds);
        return summary;
    }

    private async Task WriteAsync(List<IncomingItem> batch, SourceRef source, IngestRequest request, IngestSummary summary, string display, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var target = Target(source, request);
        var counts = await writer.WriteAsync(batch, target, (item, reason) => summary.Rejected.Add(new IngestRejection(display, $"\"{item.Headline}\": {reason}")), cancellationToken);
        summary.Added += counts.Added;
        summary.Updated += counts.Updated;
        summary.Duplicates += counts.Duplicates;
    }

    /// <summary>After a failure while reading: the batch in flight finishes (or is cancelled) before the input is recorded.</summary>
    private static async Task SettleAsync(WriteAhead? pipeline, IngestSummary summary)
    {
        if (pipeline is not null)
        {
            try
            {
                await pipeline.SettleAsync(summary);
            }
            catch (Exception ex) when (ex is OperationCanceledException || !IsStoreFailure(ex))
            {
                // Cancelled by the time limit (its transaction rolled back), or the very failure being handled.
            }
        }
    }

    /// <summary>
    /// Writes a feed's batches in order, one at a time (the store has one writer), while the reader parses the next
    /// batch and <see cref="ArticleWriter.PrepareAsync"/> builds its Markdown, fingerprints and tag suggestions on the
    /// other cores. At most two batches are held: the one being written and the one being prepared.
    /// </summary>
    private sealed class WriteAhead(IngestService service, ArticleWriter writer, SourceRef source, IngestRequest request, string display, CancellationToken cancellationToken)
    {
        private readonly IngestSummary _written = new();
        private Task _writing = Task.CompletedTask;
        private Task _preparing = Task.CompletedTask;
        private bool _settled;

        public async Task AddAsync(List<IncomingItem> batch)
        {
            if (batch.Count == 0)
            {
                return;
            }

            var target = Target(source, request);
            var preparing = _preparing = Task.Run(() => writer.PrepareAsync(batch, target, cancellationToken), cancellationToken);
            // The previous batch is committed before this one is written: look-ups see it, and order is kept.
            await _writing;
            _writing = Task.Run(
                async () =>
                {
                    await preparing;
                    await service.WriteAsync(batch, source, request, _written, display, cancellationToken);
                },
                cancellationToken);
        }

        /// <summary>Waits for the last batch and adds what was written to <paramref name="summary"/> (once).</summary>
        public async Task SettleAsync(IngestSummary summary)
        {
            try
            {
                await _writing;
            }
            finally
            {
                // A batch prepared but never written (the reader failed meanwhile) only read the store; let it end.
                await _preparing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!_settled)
                {
                    _settled = true;
                    summary.Add(_written);
                }
            }
        }
    }

    private static WriteTarget Target(SourceRef source, IngestRequest request) => new(source.Id, source.Name, request.Publish || source.TrustedToPublish);

    private async Task<SourceRef> SourceAsync(string name, SourceKind kind, Uri? url, CancellationToken cancellationToken)
    {
        name = ItemMapping.Truncate(name, 200);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        for (var attempt = 0; ; attempt++)
        {
            var existing = await db.Sources.AsNoTracking().Where(s => s.Name == name).Select(s => new SourceRef(s.Id, s.Name, s.TrustedToPublish)).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            // Created by an ingest, a source is not polled until someone enables it: one command is not a subscription.
            var source = new Source(name, kind)
            {
                Url = url is not null && url.AbsoluteUri.Length <= 2048 ? url.AbsoluteUri : null,
                Enabled = false,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            db.Sources.Add(source);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new SourceRef(source.Id, source.Name, false);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another process created it first.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<long> StartRunAsync(string input, int sourceId, FeedRunTrigger trigger, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var run = new FeedRun
        {
            Input = Shorten(input, 2048),
            SourceId = sourceId,
            Trigger = trigger,
            Outcome = FeedRunOutcome.Running,
            StartedAt = time.GetUtcNow().UtcDateTime,
            Instance = Instance,
        };
        db.FeedRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    private async Task FinishRunAsync(long? runId, LocalInput input, SourceRef? source, IngestRequest request, FeedRunOutcome outcome, IngestSummary summary, string? message, CancellationToken cancellationToken)
    {
        if (runId is null)
        {
            await RecordAsync(input.Display, source?.Id, request.Trigger, outcome, input.HttpStatus, summary, message, cancellationToken);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var text = message is null ? null : Shorten(message, 2000);
        await db.FeedRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.HttpStatus, input.HttpStatus)
                .SetProperty(r => r.Added, summary.Added)
                .SetProperty(r => r.Updated, summary.Updated)
                .SetProperty(r => r.Duplicates, summary.Duplicates)
                .SetProperty(r => r.Rejected, summary.Rejected.Count)
                .SetProperty(r => r.Message, text),
            cancellationToken);
    }

    private async Task RecordAsync(string input, int? sourceId, FeedRunTrigger trigger, FeedRunOutcome outcome, int? status, IngestSummary summary, string? message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        db.FeedRuns.Add(new FeedRun
        {
            Input = Shorten(input, 2048),
            SourceId = sourceId,
            Trigger = trigger,
            Outcome = outcome,
            StartedAt = now,
            FinishedAt = now,
            HttpStatus = status,
            Added = summary.Added,
            Updated = summary.Updated,
            Duplicates = summary.Duplicates,
            Rejected = summary.Rejected.Count,
            Message = message is null ? null : Shorten(message, 2000),
            Instance = Instance,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IngestSummary> RecordRejectionAsync(string input, string reason, IngestRequest request, CancellationToken cancellationToken, int? status = null)
    {
        var summary = Rejected(input, reason);
        await RecordAsync(input, null, request.Trigger, FeedRunOutcome.Failed, status, summary, reason, cancellationToken);
        LogInput(input, 0, 0, 0, 1, 0);
        return summary;
    }

    private static IngestSummary Rejected(string input, string reason)
    {
        var summary = new IngestSummary();
        summary.Rejected.Add(new IngestRejection(input, reason));
        return summary;
    }

    /// <summary>The store failing is not the input's fault: it stops the whole run (the CLI exits 1).</summary>
    private static bool IsStoreFailure(Exception ex) =>
        ex is System.Data.Common.DbException or DbUpdateException or Core.Hosting.StoreUnavailableException
        || ex.InnerException is System.Data.Common.DbException;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "{Input}: {Added} added, {Updated} updated, {Duplicates} duplicates, {Rejected} rejected ({Milliseconds} ms)")]
    private partial void LogInput(string input, int added, int updated, int duplicates, int rejected, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Input}: unexpected {Type} while reading it: {Message}")]
    private partial void LogUnexpected(string input, string type, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Input}: {Warning}")]
    private partial void LogWarning(string input, string warning);
}
