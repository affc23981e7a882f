using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Reading.Feeds;

/// <summary>One story as feeds carry it (full text, sanitized).</summary>
public sealed record FeedItem(
    int Id,
    string Slug,
    string Headline,
    string? Standfirst,
    string ContentHtml,
    IReadOnlyList<Bylines.Author> Authors,
    DateTime CreatedAt,
    DateTime PublishedAt,
    DateTime Updated,
    IReadOnlyList<FeedCategory> Categories);

public sealed record FeedCategory(string Slug, string Name, string Url);

/// <summary>A feed's metadata and its newest items.</summary>
/// <param name="Path">The HTML page the feed follows: "/", "/regions/japan".</param>
public sealed record FeedContent(string Title, string? Description, string Path, IReadOnlyList<FeedItem> Items);

public sealed class FeedItems(NewsDeskDbContext db, MarkdownRenderer markdown)
{
    public async Task<IReadOnlyList<FeedItem>> NewestAsync(IQueryable<Article> published, int take, CancellationToken cancellationToken)
    {
        var rows = await published
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new { a.Id, a.Slug, a.Headline, a.Standfirst, a.Body, a.Byline, a.CreatedAt, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var terms = (await db.ArticleTerms.AsNoTracking()
                .Where(ArticleTerm.IsPublic)
                .Where(l => ids.Contains(l.ArticleId) && l.Term.RetiredAt == null && l.Term.MergedIntoId == null)
                .OrderByDescending(l => l.Score)
                .Select(l => new { l.ArticleId, l.Term.Type, l.Term.Slug, l.Term.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.ArticleId, t => new FeedCategory(t.Slug, t.Name, Articles.TermLink.UrlFor(t.Type, t.Slug)));
        return [.. rows.Select(r => new FeedItem(
            r.Id, r.Slug, r.Headline, r.Standfirst, markdown.ToHtml(r.Body), Bylines.Authors(r.Byline), r.CreatedAt, r.PublishedAt,
            r.UpdatedAt is { } updated && updated > r.PublishedAt ? updated : r.PublishedAt,
            [.. terms[r.Id]]))];
    }
}
