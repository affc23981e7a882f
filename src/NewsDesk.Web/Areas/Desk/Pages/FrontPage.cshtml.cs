using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.FrontPage;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>The desk's front-page choices: the pinned top story and featured stories per region.</summary>
public sealed class FrontPageModel(NewsDeskDbContext db, FrontPageCuration curation, TimeProvider time) : PageModel
{
    public Pick? Top { get; private set; }

    public IReadOnlyList<Pick> Featured { get; private set; } = [];

    public IReadOnlyList<StoryChoice> Published { get; private set; } = [];

    public IReadOnlyList<RegionChoice> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var picks = await db.FrontPagePicks.AsNoTracking().OrderBy(p => p.RegionId).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new Pick(p.Id, p.Slot, p.ArticleId, p.Article.Headline, p.Region == null ? null : p.Region.Name,
                p.Article.Status == ArticleStatus.Published && p.Article.PublishedAt <= now))
            .ToListAsync(cancellationToken);
        Top = picks.FirstOrDefault(p => p.Slot == FrontPageSlot.Top);
        Featured = [.. picks.Where(p => p.Slot == FrontPageSlot.Featured).OrderBy(p => p.RegionName)];
        Published = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
            .OrderByDescending(a => a.PublishedAt).Take(200).Select(a => new StoryChoice(a.Id, a.Headline)).ToListAsync(cancellationToken);
        // Region pages a reader browses: not the thousands of subdivisions (their stories show on their country's page).
        Regions = await db.Regions.AsNoTracking().Where(r => r.RetiredAt == null && r.MergedIntoId == null && r.Kind != RegionKind.Subdivision)
            .OrderBy(r => r.Name).Select(r => new RegionChoice(r.Id, r.Name)).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostPinAsync(int articleId, CancellationToken cancellationToken) =>
        Done(await curation.PinTopAsync(articleId, User.ToActor(), cancellationToken), "Pinned as the top story.");

    public async Task<IActionResult> OnPostUnpinAsync(CancellationToken cancellationToken)
    {
        await curation.UnpinTopAsync(User.ToActor(), cancellationToken);
        return Done(null, "Unpinned.");
    }

    public async Task<IActionResult> OnPostFeatureAsync(int regionId, int articleId, CancellationToken cancellationToken) =>
        Done(await curation.FeatureAsync(regionId, articleId, User.ToActor(), cancellationToken), "Featured.");

    public async Task<IActionResult> OnPostMoveAsync(int pickId, int direction, CancellationToken cancellationToken)
    {
        await curation.MoveAsync(pickId, direction, User.ToActor(), cancellationToken);
        return Redirect("/desk/front-page");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int pickId, CancellationToken cancellationToken)
    {
        await curation.RemoveAsync(pickId, User.ToActor(), cancellationToken);
        return Done(null, "Removed.");
    }

    private RedirectResult Done(string? error, string message)
    {
        TempData[error is null ? "Flash" : "Error"] = error ?? message;
        return Redirect("/desk/front-page");
    }

    public sealed record Pick(int Id, FrontPageSlot Slot, int ArticleId, string Headline, string? RegionName, bool Public);

    public sealed record StoryChoice(int Id, string Headline);

    public sealed record RegionChoice(int Id, string Name);
}
