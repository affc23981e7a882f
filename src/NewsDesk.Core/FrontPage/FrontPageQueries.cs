using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.FrontPage;

/// <summary>What the public front page shows of the desk's choices: only stories that are public now.</summary>
public static class FrontPageQueries
{
    /// <summary>The pinned top story's id, when it is public.</summary>
    public static Task<int?> TopStoryIdAsync(this NewsDeskDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FrontPagePicks.AsNoTracking()
            .Where(p => p.Slot == FrontPageSlot.Top && p.Article.Status == ArticleStatus.Published && p.Article.PublishedAt <= now)
            .Select(p => (int?)p.ArticleId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Featured story ids of a region, in the desk's order, that are public.</summary>
    public static Task<List<int>> FeaturedIdsAsync(this NewsDeskDbContext db, int regionId, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FrontPagePicks.AsNoTracking()
            .Where(p => p.Slot == FrontPageSlot.Featured && p.RegionId == regionId && p.Article.Status == ArticleStatus.Published && p.Article.PublishedAt <= now)
            .OrderBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => p.ArticleId).ToListAsync(cancellationToken);
    }
}
