using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

/// <summary>Every saved revision of a story; any two compared as a diff; an old one restored as a new save.</summary>
public sealed class RevisionsModel(NewsDeskDbContext db, StoryDesk desk) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public string Headline { get; private set; } = "";

    public Guid Version { get; private set; }

    public int Latest { get; private set; }

    public IReadOnlyList<Row> All { get; private set; } = [];

    public ArticleRevision? A { get; private set; }

    public ArticleRevision? B { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == Id).Select(a => new { a.Headline, a.Version }).SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Headline = article.Headline;
        Version = article.Version;
        All = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Id).OrderByDescending(r => r.Number)
            .Select(r => new Row(r.Number, r.CreatedAt, r.Author, r.Reason, r.Status)).ToListAsync(cancellationToken);
        Latest = All.Count == 0 ? 0 : All[0].Number;
        To ??= Latest;
        From ??= All.Count > 1 ? All[1].Number : Latest;
        A = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == Id && r.Number == From, cancellationToken);
        B = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == Id && r.Number == To, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number, Guid version, CancellationToken cancellationToken)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == Id && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return NotFound();
        }

        var outcome = await desk.SaveAsync(Id, version, new StorySave(StoryFields.From(revision), [], [], RestoredRevision: number), User.ToActor(), cancellationToken);
        switch (outcome.Kind)
        {
            case StoryOutcomeKind.NotFound:
                return NotFound();
            case StoryOutcomeKind.Saved:
                TempData["Flash"] = $"Revision {number} restored.";
                return Redirect($"/desk/stories/{Id}");
            case StoryOutcomeKind.Conflict:
                TempData["Error"] = "The story changed since this page was loaded; compare again before restoring.";
                return Redirect($"/desk/stories/{Id}/revisions?to={number}");
            default:
                TempData["Error"] = string.Join(" ", outcome.Errors.Values);
                return Redirect($"/desk/stories/{Id}/revisions?to={number}");
        }
    }

    public IEnumerable<(string Label, string? Before, string? After, bool Multiline)> Fields()
    {
        if (A is null || B is null)
        {
            yield break;
        }

        yield return ("Headline", A.Headline, B.Headline, false);
        yield return ("Standfirst", A.Standfirst, B.Standfirst, true);
        yield return ("Slug", A.Slug, B.Slug, false);
        yield return ("Byline", A.Byline, B.Byline, false);
        yield return ("Image credit", A.ImageCredit, B.ImageCredit, false);
        yield return ("Source", A.SourceName, B.SourceName, false);
        yield return ("Original URL", A.OriginalUrl, B.OriginalUrl, false);
        yield return ("Body", A.Body, B.Body, true);
        yield return ("Correction note", A.CorrectionNote, B.CorrectionNote, true);
        yield return ("Status", A.Status.ToString(), B.Status.ToString(), false);
    }

    public sealed record Row(int Number, DateTime CreatedAt, string? Author, string Reason, ArticleStatus Status);
}
