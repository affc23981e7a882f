using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Reading.Articles;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

/// <summary>Any story, in any state, rendered by the reading view's own code and markup.</summary>
public sealed class PreviewModel(ArticleReader reader, TimeProvider time) : PageModel
{
    public ArticleView Story { get; private set; } = null!;

    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var story = await reader.PreviewAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
