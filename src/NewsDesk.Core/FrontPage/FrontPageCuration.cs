using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.FrontPage;

/// <summary>The desk's front-page choices: one pinned top story, and featured stories per region in order.</summary>
public sealed class FrontPageCuration(NewsDeskDbContext db, TimeProvider time)
{
    public const int MaxFeaturedPerRegion = 12;

    public async Task<string?> PinTopAsync(int articleId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Id, a.Headline, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return "No such story.";
        }

        if (article.Status != ArticleStatus.Published)
        {
            return "Only a published (or scheduled) story can be the top story.";
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FrontPagePicks.Where(p => p.Slot == FrontPageSlot.Top).ExecuteDeleteAsync(cancellationToken);
        var now = Now;
        db.FrontPagePicks.Add(new FrontPagePick { Slot = FrontPageSlot.Top, ArticleId = article.Id, PickedAt = now, PickedBy = actor.Name });
        db.Record(actor, now, "frontpage.pin", "article", article.Id, article.Headline);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    public async Task UnpinTopAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.FrontPagePicks.Where(p => p.Slot == FrontPageSlot.Top).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            db.Record(actor, Now, "frontpage.unpin", "frontpage", null, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> FeatureAsync(int regionId, int articleId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new { r.Id, r.Name }).SingleOrDefaultAsync(cancellationToken);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.Id, a.Headline, a.Status }).SingleOrDefaultAsync(cancellationToken);
        if (region is null || article is null)
        {
            return "Choose an existing region and story.";
        }

        if (article.Status != ArticleStatus.Published)
        {
            return "Only a published (or scheduled) story can be featured.";
        }

        var picks = await db.FrontPagePicks.Where(p => p.Slot == FrontPageSlot.Featured && p.RegionId == regionId).ToListAsync(cancellationToken);
        if (picks.Any(p => p.ArticleId == articleId))
        {
            return $"That story is already featured in {region.Name}.";
        }

        if (picks.Count >= MaxFeaturedPerRegion)
        {
            return $"{region.Name} already has {MaxFeaturedPerRegion} featured stories; remove one first.";
        }

        var now = Now;
        db.FrontPagePicks.Add(new FrontPagePick
        {
            Slot = FrontPageSlot.Featured,
            RegionId = regionId,
            ArticleId = articleId,
            Position = picks.Count == 0 ? 0 : picks.Max(p => p.Position) + 1,
            PickedAt = now,
            PickedBy = actor.Name,
        });
        db.Record(actor, now, "frontpage.feature", "article", articleId, $"{article.Headline} in {region.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task RemoveAsync(int pickId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var pick = await db.FrontPagePicks.SingleOrDefaultAsync(p => p.Id == pickId, cancellationToken);
        if (pick is not null)
        {
            db.FrontPagePicks.Remove(pick);
            db.Record(actor, Now, "frontpage.unfeature", "article", pick.ArticleId, $"region #{pick.RegionId}");
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Moves a featured story one place up (-1) or down (+1) within its region.</summary>
    public async Task MoveAsync(int pickId, int direction, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var pick = await db.FrontPagePicks.SingleOrDefaultAsync(p => p.Id == pickId && p.Slot == FrontPageSlot.Featured, cancellationToken);
        if (pick is null)
        {
            return;
        }

        var siblings = await db.FrontPagePicks.Where(p => p.Slot == FrontPageSlot.Featured && p.RegionId == pick.RegionId).OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        var index = siblings.IndexOf(pick);
        var other = index + Math.Sign(direction);
        if (other < 0 || other >= siblings.Count)
        {
            return;
        }

        (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i;
        }

        db.Record(actor, Now, "frontpage.reorder", "article", pick.ArticleId, $"region #{pick.RegionId}");
        await db.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
