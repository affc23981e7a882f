using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages.Tags;

/// <summary>The people, organisations and equipment in the news: every live tag with public stories, by kind, A to Z.</summary>
[PublicPage]
public sealed class IndexModel(NewsDeskDbContext db, StoryQueries stories) : PageModel
{
    public IReadOnlyList<(string Kind, IReadOnlyList<(string Name, string Slug, int Count)> Tags)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = stories.Now;
        // The same stories a tag's own page lists: public links to published, due stories.
        var counts = await db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => l.Term is Tag && l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now)
            .GroupBy(l => l.TermId)
            .Select(g => new { TermId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TermId, g => g.Count, cancellationToken);
        var tags = await db.Tags.AsNoTracking()
            .Where(t => t.RetiredAt == null && t.MergedIntoId == null)
            .Select(t => new { t.Id, t.Name, t.Slug, t.Kind })
            .ToListAsync(cancellationToken);
        Groups = [.. tags.Where(t => counts.ContainsKey(t.Id))
            .GroupBy(t => t.Kind)
            .OrderBy(g => g.Key)
            .Select(g => (KindName(g.Key), (IReadOnlyList<(string, string, int)>)[.. g.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => (t.Name, t.Slug, counts[t.Id]))]))];
        ViewData[PageMeta.Key] = new PageMeta { Title = "Tags", Description = "Stories by the people, organisations and equipment in them.", CanonicalPath = "/tags" };
    }

    private static string KindName(TagKind kind) => kind switch
    {
        TagKind.Person => "People",
        TagKind.Organisation => "Organisations",
        TagKind.Equipment => "Equipment",
        _ => "Other",
    };
}
