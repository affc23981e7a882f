using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Reading.Areas.Reading.Pages.Articles;

public sealed class ShowModel(NewsDeskDbContext db, MarkdownRenderer markdown, TimeProvider time) : PageModel
{
    public ArticleView Article { get; private set; } = null!;

    public HtmlString BodyHtml { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .Select(a => new ArticleView(
                a.Slug, a.Headline, a.Standfirst, a.Body, a.Byline, a.ImageCredit,
                a.SourceName, a.OriginalUrl, a.PublishedAt!.Value, a.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        BodyHtml = new HtmlString(markdown.ToHtml(article.Body));
        return Page();
    }

    public sealed record ArticleView(
        string Slug,
        string Headline,
        string? Standfirst,
        string Body,
        string? Byline,
        string? ImageCredit,
        string? SourceName,
        string? OriginalUrl,
        DateTime PublishedAt,
        DateTime? UpdatedAt)
    {
        /// <summary>Shown only when it says something: an update after publication.</summary>
        public bool WasUpdated => UpdatedAt is { } updated && updated > PublishedAt;
    }
}
