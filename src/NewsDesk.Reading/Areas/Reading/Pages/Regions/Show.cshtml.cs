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
public sealed class ShowModel(StoryQueries stories, ReadingTaxonomy taxonomy, SlugResolver slugs, SiteUrls urls, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public RegionNode Region { get; private set; } = null!;

    public IReadOnlyList<(string Name, string Url)> Breadcrumbs { get; private set; } = [];

    public IReadOnlyList<RegionNode> SubRegions { get; private set; } = [];

    /// <summary>For a country: the theatres and disputed territories that involve it.</summary>
    public IReadOnlyList<RegionNode> RelatedTheatres { get; private set; } = [];

    /// <summary>For a theatre or disputed territory: the countries involved.</summary>
    public IReadOnlyList<RegionNode> InvolvedCountries { get; private set; } = [];

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
        var subtree = snapshot.Subtree(region);
        if (await LoadAsync((page, size, from, to, ct) => stories.FiledUnderAsync(subtree, page, size, from, to, ct), stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (PageNumber == 1 && !Filter.IsActive)
        {
            Featured = await stories.FeaturedAsync(region.Id, cancellationToken);
        }

        Breadcrumbs = [.. snapshot.Ancestors(region).Append(region).Select(r => (r.Name, r.Url))];
        SubRegions = [.. snapshot.Children(region)];
        RelatedTheatres = region.Kind == RegionKind.Country ? [.. snapshot.InvolvingRegions(region)] : [];
        InvolvedCountries = [.. snapshot.InvolvedCountries(region)];
        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"{region.Name}, page {PageNumber}" : region.Name,
            Description = region.Description ?? $"Security news from {region.Name}: defence, maritime, air and cyber, newest first.",
            CanonicalPath = CanonicalPath,
            NoIndex = Filter.IsActive,
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
