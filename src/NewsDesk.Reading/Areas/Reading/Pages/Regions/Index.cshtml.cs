using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;

namespace NewsDesk.Reading.Areas.Reading.Pages.Regions;

[PublicPage]
public sealed class IndexModel(ReadingTaxonomy taxonomy, StoryCounts counts, WorldMap map) : PageModel
{
    public Taxonomy Taxonomy { get; private set; } = null!;

    public StoryCountSnapshot Counts { get; private set; } = null!;

    public IHtmlContent Map { get; private set; } = HtmlString.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Taxonomy = await taxonomy.GetAsync(cancellationToken);
        Counts = await counts.GetAsync(cancellationToken);
        Map = map.Render(Taxonomy, Counts, $"Stories per country in the last {StoryCounts.RecentDays} days");
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = "Regions",
            Description = "Stories by continent, sub-region, country and theatre, with a map of the last 30 days.",
            CanonicalPath = "/regions",
        };
    }

    /// <summary>The tree without the theatres and disputed territories, which get their own list.</summary>
    public IEnumerable<RegionNode> TreeChildren(RegionNode region) =>
        Taxonomy.Children(region).Where(r => r.Kind is not (Core.Taxonomy.RegionKind.Theatre or Core.Taxonomy.RegionKind.DisputedTerritory));

    public IEnumerable<RegionNode> TreeRoots =>
        Taxonomy.Roots.Where(r => r.Kind is not (Core.Taxonomy.RegionKind.Theatre or Core.Taxonomy.RegionKind.DisputedTerritory));
}
