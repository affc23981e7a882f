using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages.Authors;

/// <summary>Everyone a published story's byline names, A to Z, with their story counts (there are no author records:
/// the bylines are read as the author pages read them).</summary>
[PublicPage]
public sealed class IndexModel(StoryQueries stories) : PageModel
{
    public IReadOnlyList<(string Name, string Slug, int Count)> Authors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Distinct bylines are few next to stories: count per byline in the store, split them here.
        var bylines = await stories.Published().Where(a => a.AuthorKeys != null)
            .GroupBy(a => a.Byline)
            .Select(g => new { Byline = g.Key, Count = g.Count(), Latest = g.Max(a => a.PublishedAt) })
            .ToListAsync(cancellationToken);
        var authors = new Dictionary<string, (string Name, int Count, DateTime? Latest)>();
        foreach (var byline in bylines)
        {
            foreach (var author in Bylines.Authors(byline.Byline))
            {
                var known = authors.GetValueOrDefault(author.Slug);
                // Named as their newest byline prints them, as on their own page.
                var name = known.Name is null || byline.Latest > known.Latest ? author.Name : known.Name;
                authors[author.Slug] = (name, known.Count + byline.Count, known.Latest is { } l && l > byline.Latest ? l : byline.Latest);
            }
        }

        Authors = [.. authors.Select(a => (a.Value.Name, a.Key, a.Value.Count)).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
        ViewData[PageMeta.Key] = new PageMeta { Title = "Authors", Description = "Stories by the reporters who wrote them.", CanonicalPath = "/authors" };
    }
}
