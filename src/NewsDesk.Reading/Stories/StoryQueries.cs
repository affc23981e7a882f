using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Reading.Stories;

/// <summary>The lists of published stories the public pages show. Public means published, due, and for links,
/// <see cref="ArticleTerm.IsPublic"/>.</summary>
public sealed class StoryQueries(NewsDeskDbContext db, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public IQueryable<Article> Published()
    {
        var now = Now;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now);
    }

    /// <summary>Ids of the stories publicly filed under any of <paramref name="termIds"/>.</summary>
    public IQueryable<int> FiledUnder(IReadOnlyCollection<int> termIds) =>
        db.ArticleTerms.Where(ArticleTerm.IsPublic).Where(l => termIds.Contains(l.TermId)).Select(l => l.ArticleId);

    /// <summary>Ids of the stories publicly filed under a live region in the subtree whose path is <paramref name="regionPath"/>.</summary>
    /// <remarks>The subtree stays in SQL (one prefix query on the materialised path): the world or a continent has
    /// thousands of descendants, and a list of that many ids as parameters costs more than the whole page.</remarks>
    public IQueryable<int> FiledUnderRegion(string regionPath)
    {
        var subtree = db.Regions.Where(r => r.RetiredAt == null && r.MergedIntoId == null && r.Path.StartsWith(regionPath)).Select(r => r.Id);
        return db.ArticleTerms.Where(ArticleTerm.IsPublic).Where(l => subtree.Contains(l.TermId)).Select(l => l.ArticleId);
    }

    public Task<StoryPage> LatestAsync(int page, int pageSize, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        PageAsync(Published(), page, pageSize, from, to, cancellationToken);

    public Task<StoryPage> FiledUnderAsync(IReadOnlyCollection<int> termIds, int page, int pageSize, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        FiledUnderAsync(FiledUnder(termIds), page, pageSize, from, to, cancellationToken);

    public Task<StoryPage> FiledUnderAsync(IQueryable<int> articleIds, int page, int pageSize, DateTime? from, DateTime? to, CancellationToken cancellationToken) =>
        PageAsync(Published().Where(a => articleIds.Contains(a.Id)), page, pageSize, from, to, cancellationToken);

    public Task<StoryPage> ByAuthorAsync(string slug, int page, int pageSize, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        var key = Bylines.KeyFor(slug);
        return PageAsync(Published().Where(a => a.AuthorKeys!.Contains(key)), page, pageSize, from, to, cancellationToken);
    }

    /// <summary>The author's name as the newest of their bylines prints it.</summary>
    public async Task<string?> AuthorNameAsync(string slug, CancellationToken cancellationToken)
    {
        var key = Bylines.KeyFor(slug);
        var byline = await Published().Where(a => a.AuthorKeys!.Contains(key))
            .OrderByDescending(a => a.PublishedAt).Select(a => a.Byline).FirstOrDefaultAsync(cancellationToken);
        return Bylines.Authors(byline).FirstOrDefault(a => a.Slug == slug)?.Name;
    }

    /// <summary>The stories the desk featured on a region's page, in their order.</summary>
    public async Task<IReadOnlyList<StoryCard>> FeaturedAsync(int regionId, CancellationToken cancellationToken)
    {
        var ids = await db.FeaturedIdsAsync(regionId, Now, cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var cards = await Cards(Published().Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
        return [.. cards.OrderBy(c => ids.IndexOf(c.Id))];
    }

    /// <summary>The front page's top story, as the desk pinned it, when it is public.</summary>
    public async Task<StoryCard?> PinnedAsync(CancellationToken cancellationToken)
    {
        var id = await db.TopStoryIdAsync(Now, cancellationToken);
        return id is null ? null : await Cards(Published().Where(a => a.Id == id)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Live regions and topics with the most public stories since <paramref name="since"/>, the busiest first: one pass
    /// over the stories of the period for both kinds (a few thousand terms at most are counted).
    /// </summary>
    public async Task<(IReadOnlyList<(int TermId, int Count)> Regions, IReadOnlyList<(int TermId, int Count)> Topics)> BusiestAsync(
        DateTime since, int regions, int topics, CancellationToken cancellationToken)
    {
        var now = Now;
        var rows = await db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => (l.Term.Type == TermType.Region || l.Term.Type == TermType.Topic) && l.Term.RetiredAt == null && l.Term.MergedIntoId == null)
            .Where(l => l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now && l.Article.PublishedAt >= since)
            .GroupBy(l => new { l.TermId, l.Term.Type })
            .Select(g => new { g.Key.TermId, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        IReadOnlyList<(int, int)> Top(TermType type, int take) =>
            [.. rows.Where(r => r.Type == type).OrderByDescending(r => r.Count).ThenBy(r => r.TermId).Take(take).Select(r => (r.TermId, r.Count))];
        return (Top(TermType.Region, regions), Top(TermType.Topic, topics));
    }

    public static IQueryable<StoryCard> Cards(IQueryable<Article> articles) =>
        articles.Select(a => new StoryCard(a.Id, a.Slug, a.Headline, a.Standfirst, a.Byline, a.PublishedAt!.Value, a.UpdatedAt));

    private static async Task<StoryPage> PageAsync(IQueryable<Article> articles, int page, int pageSize, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        if (from is { } f)
        {
            articles = articles.Where(a => a.PublishedAt >= f);
        }

        if (to is { } t)
        {
            articles = articles.Where(a => a.PublishedAt < t);
        }

        var total = await articles.CountAsync(cancellationToken);
        var items = await Cards(articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(cancellationToken);
        return new StoryPage(items, page, pageSize, total);
    }
}
