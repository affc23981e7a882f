using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;

namespace NewsDesk.Reading.Areas.Reading.Pages.Regions;

/// <summary>
/// The region directory: continents → sub-regions → every country, with story counts (places without stories are
/// quieter), and below a country only the provinces that have stories; the thousands of others are reached from their
/// country's page. Theatres and disputed territories get their own list, those with stories first.
/// </summary>
[PublicPage]
public sealed class IndexModel(ReadingTaxonomy taxonomy, StoryCounts counts, WorldMap map) : PageModel
{
    public IReadOnlyList<TreeNode> Tree { get; private set; } = [];

    public PlaceListView Theatres { get; private set; } = new("", "", []);

    public IHtmlContent Map { get; private set; } = HtmlString.Empty;

    /// <summary>In-page links to each continent and the theatres: on a phone the directory is long.</summary>
    public IReadOnlyList<(string Name, string Anchor)> Jumps { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        var stats = await counts.GetAsync(cancellationToken);
        Map = map.Render(snapshot, stats, $"Stories per country in the last {StoryCounts.RecentDays} days");
        Tree = [.. snapshot.Roots.Where(IsArea).Select(r => Node(snapshot, stats, r))];
        Theatres = new PlaceListView("Theatres and disputed territories", "theatres", CountedRegion.Of(snapshot.Theatres, stats));
        Jumps = [.. Tree.SelectMany(world => world.Areas).Select(a => (a.Region.Name, a.Region.Slug))];
        if (Theatres.Places.Count > 0)
        {
            Jumps = [.. Jumps, ("Theatres and disputes", "theatres-heading")];
        }
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = "Regions",
            Description = "Stories by continent, sub-region, country and theatre, with a map of the last 30 days.",
            CanonicalPath = "/regions",
        };
    }

    private static bool IsArea(RegionNode r) => r.Kind is RegionKind.World or RegionKind.Continent or RegionKind.Subregion or RegionKind.IntermediateRegion;

    private static TreeNode Node(Taxonomy snapshot, StoryCountSnapshot stats, RegionNode region)
    {
        var children = snapshot.Children(region).ToList();
        // Under an area every country; under a country only the provinces with stories.
        var places = region.Kind == RegionKind.Country
            ? children.Where(c => c.Kind == RegionKind.Subdivision && stats.Count(c.Id) > 0)
            : children.Where(c => c.Kind == RegionKind.Country);
        return new TreeNode(
            region,
            stats.Count(region.Id),
            [.. children.Where(IsArea).Select(c => Node(snapshot, stats, c))],
            [.. places.Select(c => Node(snapshot, stats, c))]);
    }

    /// <summary>An area of the tree with its sub-areas and its places (countries, or a country's busy provinces).</summary>
    public sealed record TreeNode(RegionNode Region, int Count, IReadOnlyList<TreeNode> Areas, IReadOnlyList<TreeNode> Places);
}
