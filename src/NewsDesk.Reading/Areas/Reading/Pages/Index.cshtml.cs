using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.Reading.Areas.Reading.Pages;

public sealed class IndexModel(NewsDeskDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<ArticleSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Latest = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(PageSize)
            .Select(a => new ArticleSummary(a.Slug, a.Headline, a.Standfirst, a.Byline, a.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
    }

    public sealed record ArticleSummary(string Slug, string Headline, string? Standfirst, string? Byline, DateTime PublishedAt);
}
