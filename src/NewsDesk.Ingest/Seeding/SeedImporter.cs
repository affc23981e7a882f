using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Sources;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest.PlainText;

namespace NewsDesk.Ingest.Seeding;

/// <summary>
/// On the first start against an empty store, imports every file in the seeds directory as a published article.
/// A file that cannot be read or parsed is logged and skipped; the others still land.
/// </summary>
public sealed partial class SeedImporter(
    NewsDeskDbContext db,
    NewsDeskPaths paths,
    IArticleTagger tagger,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<SeedImporter> logger)
{
    public const string SourceName = "NewsDesk seeds";

    /// <returns>How many articles were imported (0 when the store already had articles).</returns>
    public async Task<int> ImportIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Articles.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var directory = paths.SeedsDirectory;
        if (!Directory.Exists(directory))
        {
            LogNoSeeds(directory);
            return 0;
        }

        var source = await db.Sources.FirstOrDefaultAsync(s => s.Name == SourceName, cancellationToken);
        if (source is null)
        {
            source = new Source(SourceName, SourceKind.File) { CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Sources.Add(source);
            await db.SaveChangesAsync(cancellationToken);
        }

        var imported = 0;
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                continue;
            }

            try
            {
                var text = await TextFiles.ReadAsync(file, options.Value.MaxFileBytes, cancellationToken);
                var parsed = PlainTextArticleParser.Parse(text, File.GetLastWriteTimeUtc(file));
                if (await AddAsync(parsed, source, name, cancellationToken))
                {
                    imported++;
                }
            }
            catch (Exception ex) when (ex is ArticleFormatException or IOException or UnauthorizedAccessException)
            {
                LogSkipped(name, ex.Message);
            }
        }

        LogImported(imported, directory);
        return imported;
    }

    private async Task<bool> AddAsync(ParsedArticle parsed, Source source, string fileName, CancellationToken cancellationToken)
    {
        // Another instance starting at the same moment may import the same file; (source, external id) is unique.
        if (await db.Articles.AnyAsync(a => a.SourceId == source.Id && a.ExternalId == fileName, cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var slug = await ArticleSlugs.FreeSlugAsync(db, parsed.Headline, cancellationToken: cancellationToken);
        var article = new Article(slug, parsed.Headline, parsed.Body, ArticleStatus.Draft, now)
        {
            Standfirst = parsed.Standfirst,
            Byline = parsed.Byline,
            ImageCredit = parsed.ImageCredit,
            UpdatedAt = parsed.UpdatedAt,
            Source = source,
            ExternalId = fileName,
        };
        article.Publish(parsed.PublishedAt ?? now);
        article.Revisions.Add(article.Snapshot(1, now, "seed", author: null));
        db.Articles.Add(article);
        await tagger.TagAsync(article, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Articles.AnyAsync(a => a.SourceId == source.Id && a.ExternalId == fileName, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed file {File} skipped: {Reason}")]
    private partial void LogSkipped(string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No seeds directory at {Directory}; the store starts empty")]
    private partial void LogNoSeeds(string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Count} seed articles from {Directory}")]
    private partial void LogImported(int count, string directory);
}
