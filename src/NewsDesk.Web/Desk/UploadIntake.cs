using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest;
using NewsDesk.Ingest.PlainText;

namespace NewsDesk.Web.Desk;

/// <summary>What one upload did, in the shape of the ingest summary.</summary>
public sealed record UploadSummary(IReadOnlyList<UploadItem> Added, int Updated, IReadOnlyList<UploadItem> Duplicates, IReadOnlyList<UploadItem> Rejected);

public sealed record UploadItem(string Name, string? Headline, int? ArticleId, string? Reason);

/// <summary>
/// Stand-in for the ingest service the upload page calls once it lands: today it takes plain-text article files
/// (the seed format) into Incoming, de-duplicated by content. Feeds and URLs need the ingest service.
/// </summary>
public sealed class UploadIntake(NewsDeskDbContext db, IArticleTagger tagger, IOptions<IngestOptions> options, TimeProvider time)
{
    public const string SourceName = "Desk upload";

    public async Task<UploadSummary> IngestAsync(IReadOnlyList<IFormFile> files, string? url, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var added = new List<UploadItem>();
        var duplicates = new List<UploadItem>();
        var rejected = new List<UploadItem>();
        if (!string.IsNullOrWhiteSpace(url))
        {
            rejected.Add(new(url.Trim(), null, null, "Fetching feeds and pages by URL is not available yet: add the feed under Admin → Sources, or upload the file."));
        }

        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName);
            if (file.Length > options.Value.MaxFileBytes)
            {
                rejected.Add(new(name, null, null, $"larger than {options.Value.MaxFileBytes / 1024 / 1024} MB"));
                continue;
            }

            ParsedArticle parsed;
            try
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                parsed = PlainTextArticleParser.Parse(TextFiles.Decode(buffer.ToArray()), time.GetUtcNow().UtcDateTime);
            }
            catch (ArticleFormatException ex)
            {
                rejected.Add(new(name, null, null, ex.Message));
                continue;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parsed.Headline.Trim() + "\n" + parsed.Body.ReplaceLineEndings("\n").Trim())));
            var existing = await db.Articles.AsNoTracking().Where(a => a.ContentHash == hash).Select(a => new { a.Id, a.Headline }).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                duplicates.Add(new(name, existing.Headline, existing.Id, $"same text as story #{existing.Id}"));
                continue;
            }

            var article = await AddAsync(parsed, name, hash, actor, cancellationToken);
            added.Add(new(name, article.Headline, article.Id, null));
        }

        return new UploadSummary(added, 0, duplicates, rejected);
    }

    private async Task<Article> AddAsync(ParsedArticle parsed, string fileName, string hash, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Name == SourceName, cancellationToken);
        if (source is null)
        {
            source = new Source(SourceName, SourceKind.File) { CreatedAt = now };
            db.Sources.Add(source);
        }

        var slug = await ArticleSlugs.FreeSlugAsync(db, parsed.Headline, cancellationToken: cancellationToken);
        var article = new Article(slug, parsed.Headline, parsed.Body, ArticleStatus.Incoming, now)
        {
            Standfirst = parsed.Standfirst,
            Byline = parsed.Byline,
            ImageCredit = parsed.ImageCredit,
            Source = source,
            ExternalId = hash,
            ContentHash = hash,
        };
        article.Revisions.Add(article.Snapshot(1, now, "upload", actor.Name));
        db.Articles.Add(article);
        await tagger.TagKeepingDecisionsAsync(db, article, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(actor, now, "article.upload", "article", article.Id, $"{fileName}: {article.Headline}");
        await db.SaveChangesAsync(cancellationToken);
        return article;
    }
}
