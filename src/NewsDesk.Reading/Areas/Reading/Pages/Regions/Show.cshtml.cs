using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;
using NewsDesk.Reading.Terms;

namespace NewsDesk.Reading.Areas.Reading.Pages.Regions;

[PublicPage]
public sealed class ShowModel(StoryQueries stories, ReadingTaxonomy taxonomy, StoryCounts counts, SlugResolver slugs, SiteUrls urls, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public RegionNode Region { get; private set; } = null!;

    public IReadOnlyList<(string Name, string Url)> Breadcrumbs { get; private set; } = [];

    /// <summary>Sub-regions; for a theatre or disputed territory the countries involved; for a country the theatres and
    /// disputed territories that involve it.</summary>
    public IReadOnlyList<PlaceListView> SideLists { get; private set; } = [];

    public IReadOnlyList<StoryCard> Featured { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var snapshot = await taxonomy.GetAsync(cancellationToken);
        if (snapshot.Region(slug) is not { } region)
        {
            var moved = await slugs.TermAsync(TermType.Region, slug.ToLowerInvariant(), cancellationToken)
                ?? (snapshot.Region(slug.ToLowerInvariant()) is { } lower ? lower.Slug : null);
            return moved is null ? NotFound() : RedirectPermanent("/regions/" + moved + Request.QueryString);
        }

        if (!ReadQuery())
        {
            return NotFound();
        }

        Region = region;
        var filed = stories.FiledUnderRegion(region.Path);
        if (await LoadAsync((page, size, from, to, ct) => stories.FiledUnderAsync(filed, page, size, from, to, ct), stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (PageNumber == 1 && !Filter.IsActive)
        {
            Featured = await stories.FeaturedAsync(region.Id, cancellationToken);
        }

        Breadcrumbs = [.. snapshot.Ancestors(region).Append(region).Select(r => (r.Name, r.Url))];
        var stats = await counts.GetAsync(cancellationToken);
        SideLists = [.. new[]
        {
            new PlaceListView($"Within {region.Name}", "sub-regions", CountedRegion.Of(snapshot.Children(region), stats)),
            new PlaceListView("Countries involved", "involved-countries", CountedRegion.Of(snapshot.InvolvedCountries(region), stats)),
            new PlaceListView("Theatres and disputes", "related-theatres", region.Kind == RegionKind.Country ? CountedRegion.Of(snapshot.InvolvingRegions(region), stats) : []),
        }.Where(l => l.Places.Count > 0)];
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"{region.Name}, page {PageNumber}" : region.Name,
            Description = region.Description ?? $"Security news from {region.Name}: defence, maritime, air and cyber, newest first.",
            CanonicalPath = CanonicalPath,
            // An empty list is thin content: out of search engines (and the sitemap) until a story is filed here.
            NoIndex = Filter.IsActive || (Stories.Total == 0 && Featured.Count == 0),
            Feeds = FeedLink.Both(region.Name, region.Url + "/"),
            JsonLd = [JsonLd.Breadcrumbs(Breadcrumbs.Prepend((Name: "Regions", Url: "/regions")).Select(b => (b.Name, urls.Absolute(Request, b.Url))))],
        };
        return Page();
    }

    public static string KindName(RegionKind kind) => kind switch
    {
        RegionKind.World => "World",
        RegionKind.Continent => "Continent",
        RegionKind.Subregion => "Sub-region",
        RegionKind.IntermediateRegion => "Region",
        RegionKind.Country => "Country",
        RegionKind.Subdivision => "Province or state",
        RegionKind.Theatre => "Theatre",
        _ => "Disputed territory",
    };
}
