using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Terms;

public sealed class MergeModel(NewsDeskDbContext db, TaxonomyCuration curation) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Term Source { get; private set; } = null!;

    public int SourceArticles { get; private set; }

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var source = await db.Terms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        Source = source;
        SourceArticles = await db.ArticleTerms.CountAsync(l => l.TermId == Id, cancellationToken);
        var query = db.Terms.AsNoTracking().Where(t => t.Type == source.Type && t.Id != Id && t.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Contains(Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, LikePattern.EscapeCharacter) || t.Aliases.Any(a => EF.Functions.Like(a.Name, pattern, LikePattern.EscapeCharacter)));
        }
        else
        {
            // Without a search, the most likely targets: terms sharing the first word of the name.
            var first = source.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? source.Name;
            var pattern = LikePattern.Contains(first);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, LikePattern.EscapeCharacter));
        }

        Candidates = await query.OrderByDescending(t => t.Articles.Count).Take(50)
            .Select(t => new Candidate(t.Id, t.Name, t.Slug, t.Articles.Count(l => l.Decision != LinkDecision.Rejected))).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int targetId, CancellationToken cancellationToken)
    {
        var result = await curation.MergeAsync(Id, targetId, User.ToActor(), cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect($"/admin/terms/{Id}/merge");
        }

        TempData["Flash"] = "Merged. Re-tag when you have finished changing the taxonomy.";
        return Redirect($"/admin/terms/{targetId}");
    }

    public sealed record Candidate(int Id, string Name, string Slug, int Articles);
}
