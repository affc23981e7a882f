using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Terms;

/// <summary>Regions, topics and tags with their article counts: searchable by name, alias or slug.</summary>
public sealed class IndexModel(NewsDeskDbContext db, TaxonomyCuration curation, RetagJobs jobs) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public TermType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Terms { get; private set; } = [];

    public RetagJob? Retag { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = db.Terms.AsNoTracking();
        if (Type is { } type)
        {
            query = query.Where(t => t.Type == type);
        }

        query = State switch
        {
            "retired" => query.Where(t => t.RetiredAt != null && t.MergedIntoId == null),
            "merged" => query.Where(t => t.MergedIntoId != null),
            "all" => query,
            _ => query.Where(t => t.RetiredAt == null && t.MergedIntoId == null),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = LikePattern.Contains(Q);
            query = query.Where(t => EF.Functions.Like(t.Name, pattern, LikePattern.EscapeCharacter) || EF.Functions.Like(t.Slug, pattern, LikePattern.EscapeCharacter)
                || t.Aliases.Any(a => EF.Functions.Like(a.Name, pattern, LikePattern.EscapeCharacter)));
        }

        Total = await query.CountAsync(cancellationToken);
        query = Sort == "name"
            ? query.OrderBy(t => t.Name)
            : query.OrderByDescending(t => t.Articles.Count(l => l.Decision != LinkDecision.Rejected)).ThenBy(t => t.Name);
        Terms = await query.Skip((PageNumber - 1) * PageSize).Take(PageSize).Select(t => new Row(
            t.Id, t.Name, t.Slug, t.Type,
            t.Type == TermType.Region ? ((Region)t).Kind.ToString() : t.Type == TermType.Tag ? ((Tag)t).Kind.ToString() : null,
            t.Aliases.OrderBy(a => a.Name).Select(a => a.Name).Take(4).ToList(),
            t.Articles.Count(l => l.Decision != LinkDecision.Rejected),
            t.Articles.Count(l => l.Decision == LinkDecision.Accepted),
            t.RetiredAt != null, t.MergedIntoId)).ToListAsync(cancellationToken);
        Retag = await jobs.LatestAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(TermType newType, string newName, CancellationToken cancellationToken)
    {
        var (result, term) = await curation.CreateAsync(newType, newName, User.ToActor(), cancellationToken: cancellationToken);
        if (!result.Succeeded)
        {
            TempData["Error"] = result.Error;
            return Redirect("/admin/terms");
        }

        TempData["Flash"] = $"Created {newType.ToString().ToLowerInvariant()} '{term!.Name}'.";
        return Redirect($"/admin/terms/{term.Id}");
    }

    public string PageUrl(int page) => Url.Page("/Terms/Index", new { area = "Admin", q = Q, type = Type, state = State, sort = Sort, p = page })!;

    public sealed record Row(int Id, string Name, string Slug, TermType Type, string? Kind, List<string> Aliases, int Articles, int Accepted, bool Retired, int? MergedIntoId);
}
