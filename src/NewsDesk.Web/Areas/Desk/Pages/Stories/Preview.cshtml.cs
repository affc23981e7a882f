using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Reading.Markdown;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

/// <summary>Any story, in any state, as a reader would see it.</summary>
public sealed class PreviewModel(NewsDeskDbContext db, MarkdownRenderer markdown, TimeProvider time) : PageModel
{
    public StoryView Story { get; private set; } = null!;

    public HtmlString BodyHtml { get; private set; } = HtmlString.Empty;

    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var story = await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new StoryView(
                a.Id, a.Status, a.Headline, a.Standfirst, a.Body, a.Byline, a.ImageCredit, a.SourceName ?? (a.Source == null ? null : a.Source.Name), a.OriginalUrl,
                a.PublishedAt, a.UpdatedAt, a.CorrectionNote, a.CorrectedAt, a.LeadImageKey, a.LeadImageWidth, a.LeadImageHeight, a.LeadImageAlt, a.LeadImageCaption))
            .SingleOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        BodyHtml = new HtmlString(markdown.ToHtml(story.Body));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public sealed record StoryView(
        int Id, ArticleStatus Status, string Headline, string? Standfirst, string Body, string? Byline, string? ImageCredit, string? SourceName, string? OriginalUrl,
        DateTime? PublishedAt, DateTime? UpdatedAt, string? CorrectionNote, DateTime? CorrectedAt, string? ImageKey, int? ImageWidth, int? ImageHeight, string? ImageAlt, string? ImageCaption);
}
