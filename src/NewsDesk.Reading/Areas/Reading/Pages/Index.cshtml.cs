using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;
using NewsDesk.Reading.Seo;
using NewsDesk.Reading.Stories;

namespace NewsDesk.Reading.Areas.Reading.Pages;

[PublicPage]
public sealed class IndexModel(StoryQueries stories, ReadingTaxonomy taxonomy, SiteClock clock, IOptions<ReadingOptions> options)
    : ListingPageModel(clock, options)
{
    public const int BusiestCount = 8;

    public StoryCard? TopStory { get; private set; }

    public IReadOnlyList<(RegionNode Region, int Count)> BusiestRegions { get; private set; } = [];

    public IReadOnlyList<(TopicNode Topic, int Count)> BusiestTopics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ReadQuery())
        {
            return NotFound();
        }

        var now = stories.Now;
        if (await LoadAsync(stories.LatestAsync, now, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (PageNumber == 1 && !Filter.IsActive)
        {
            TopStory = await stories.PinnedAsync(cancellationToken);
            var snapshot = await taxonomy.GetAsync(cancellationToken);
            var since = now.AddDays(-StoryCounts.RecentDays);
            BusiestRegions = [.. (await stories.BusiestAsync<Region>(since, BusiestCount * 3, cancellationToken))
                .Select(r => (Region: snapshot.Region(r.TermId), r.Count))
                .Where(r => r.Region is { IsPlace: true })
                .Take(BusiestCount)
                .Select(r => (r.Region!, r.Count))];
            BusiestTopics = [.. (await stories.BusiestAsync<Topic>(since, BusiestCount, cancellationToken))
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
