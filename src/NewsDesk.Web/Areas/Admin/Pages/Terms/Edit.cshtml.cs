using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Terms;

/// <summary>One region, topic or tag: rename, aliases, description, tag kind, region hierarchy and theatres, retire.</summary>
public sealed class EditModel(NewsDeskDbContext db, TaxonomyCuration curation) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public Term Term { get; private set; } = null!;

    public IReadOnlyList<TermAlias> Aliases { get; private set; } = [];

    public int ArticleCount { get; private set; }

    public TagKind? TagKind { get; private set; }

    public RegionKind? RegionKind { get; private set; }

    public int? ParentId { get; private set; }

    public IReadOnlyList<Choice> ParentOptions { get; private set; } = [];

    public IReadOnlyList<Choice> CountryOptions { get; private set; } = [];

    public IReadOnlyList<Choice> Children { get; private set; } = [];

    public IReadOnlySet<int> Involved { get; private set; } = new HashSet<int>();

    public IReadOnlyList<StoryRow> Stories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var term = await db.Terms.AsNoTracking().Include(t => t.Aliases).SingleOrDefaultAsync(t => t.Id == Id, cancellationToken);
        if (term is null)
        {
            return NotFound();
        }

        Term = term;
        Aliases = [.. term.Aliases.OrderBy(a => a.Name)];
        ArticleCount = await db.ArticleTerms.CountAsync(l => l.TermId == Id && l.Decision != LinkDecision.Rejected, cancellationToken);
        Stories = await db.ArticleTerms.AsNoTracking().Where(l => l.TermId == Id).OrderByDescending(l => l.Article.ModifiedAt).Take(20)
            .Select(l => new StoryRow(l.ArticleId, l.Article.Headline, l.Decision, l.Score)).ToListAsync(cancellationToken);
        if (term is Tag tag)
        {
            TagKind = tag.Kind;
        }

        if (term is Region region)
        {
            RegionKind = region.Kind;
            ParentId = region.ParentId;
            var regions = await db.Regions.AsNoTracking().Where(r => r.MergedIntoId == null)
                .Select(r => new { r.Id, r.Name, r.Kind, r.Path, r.ParentId }).ToListAsync(cancellationToken);
            // Not itself or anything under it: a region cannot sit inside its own subtree.
            ParentOptions = [.. regions.Where(r => r.Id != Id && !r.Path.Contains($"/{Id}/", StringComparison.Ordinal) && r.Kind is not Core.Taxonomy.RegionKind.Subdivision)
                .OrderBy(r => r.Kind).ThenBy(r => r.Name).Select(r => new Choice(r.Id, $"{r.Name} ({r.Kind})"))];
            CountryOptions = [.. regions.Where(r => r.Kind == Core.Taxonomy.RegionKind.Country && r.Id != Id).OrderBy(r => r.Name).Select(r => new Choice(r.Id, r.Name))];
            Children = [.. regions.Where(r => r.ParentId == Id).OrderBy(r => r.Name).Select(r => new Choice(r.Id, r.Name))];
            Involved = (await db.RegionInvolvements.Where(i => i.RegionId == Id).Select(i => i.CountryId).ToListAsync(cancellationToken)).ToHashSet();
        }

        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(string name, string? slug, bool keepAlias, CancellationToken cancellationToken) =>
        Done(curation.RenameAsync(Id, name, slug, keepAlias, User.ToActor(), cancellationToken), "Renamed.");

    public Task<IActionResult> OnPostAddAliasAsync(string alias, CancellationToken cancellationToken) =>
        Done(curation.AddAliasAsync(Id, alias, User.ToActor(), cancellationToken), "Alias added.");

    public Task<IActionResult> OnPostRemoveAliasAsync(int aliasId, CancellationToken cancellationToken) =>
        Done(curation.RemoveAliasAsync(Id, aliasId, User.ToActor(), cancellationToken), "Alias removed.");

    public Task<IActionResult> OnPostDescribeAsync(string? description, CancellationToken cancellationToken) =>
        Done(curation.SetDescriptionAsync(Id, description, User.ToActor(), cancellationToken), "Description saved.");

    public Task<IActionResult> OnPostKindAsync(TagKind kind, CancellationToken cancellationToken) =>
        Done(curation.SetTagKindAsync(Id, kind, User.ToActor(), cancellationToken), "Kind changed.");

    public Task<IActionResult> OnPostRegionAsync(int? parentId, RegionKind kind, int[]? involved, CancellationToken cancellationToken) =>
        Done(curation.SetRegionAsync(Id, parentId, kind, involved ?? [], User.ToActor(), cancellationToken), "Region saved.");

    public Task<IActionResult> OnPostRetireAsync(bool retired, CancellationToken cancellationToken) =>
        Done(curation.SetRetiredAsync(Id, retired, User.ToActor(), cancellationToken), retired ? "Retired." : "Restored.");

    private async Task<IActionResult> Done(Task<CurationResult> change, string message)
    {
        var result = await change;
        if (result.Succeeded)
        {
            TempData["Flash"] = message + " Re-tag when you have finished changing the taxonomy.";
        }
        else
        {
            TempData["Error"] = result.Error;
        }

        return Redirect($"/admin/terms/{Id}");
    }

    public sealed record Choice(int Id, string Label);

    public sealed record StoryRow(int Id, string Headline, LinkDecision Decision, double Score);
}
