using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages;

[PublicPage]
public sealed class IndexModel(StoryQueries stories, FrontPage frontPage, ReadingTaxonomy taxonomy, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public StoryCard? TopStory { get; private set; }

    public IReadOnlyList<(RegionNode Region, int Count)> BusiestRegions { get; private set; } = [];

    public IReadOnlyList<(TopicNode Topic, int Count)> BusiestTopics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadQuery())
        {
            return NotFound();
        }

        // The unfiltered first page comes from the front page's shared data; other pages and date ranges are queried.
        var front = PageNumber == 1 && !Filter.IsActive ? await frontPage.GetAsync(cancellationToken) : null;
        if (await LoadAsync((page, size, from, to, ct) => front is not null ? Task.FromResult(front.Latest) : stories.LatestAsync(page, size, from, to, ct),
                stories.Now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (front is not null)
        {
            TopStory = front.TopStory;
            var snapshot = await taxonomy.GetAsync(cancellationToken);
            BusiestRegions = [.. front.BusiestRegions
                .Select(r => (Region: snapshot.Region(r.TermId), r.Count))
                .Where(r => r.Region is { IsPlace: true })
                .Take(FrontPage.BusiestCount)
                .Select(r => (r.Region!, r.Count))];
            BusiestTopics = [.. front.BusiestTopics
                .Select(t => (Topic: snapshot.Topics.FirstOrDefault(x => x.Id == t.TermId), t.Count))
                .Where(t => t.Topic is not null)
                .Select(t => (t.Topic!, t.Count))];
        }

        ViewData[PageMeta.Key] = new PageMeta
        {
            Title = PageNumber > 1 ? $"Latest stories, page {PageNumber}" : null,
            CanonicalPath = CanonicalPath,
            NoIndex = Filter.IsActive,
            Feeds = FeedLink.Both("Latest stories", "/"),
        };
        return Page();
    }
}
