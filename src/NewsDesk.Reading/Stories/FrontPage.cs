using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsDesk.Reading.Caching;
using NewsDesk.Reading.Regions;

namespace NewsDesk.Reading.Stories;

/// <summary>What the unfiltered first page of <c>/</c> shows, before the taxonomy names it.</summary>
/// <param name="BusiestRegions">Live regions by stories in the last <see cref="StoryCounts.RecentDays"/> days, more than
/// the page shows (the page keeps places only).</param>
public sealed record FrontPageData(
    StoryPage Latest,
    StoryCard? TopStory,
    IReadOnlyList<(int TermId, int Count)> BusiestRegions,
    IReadOnlyList<(int TermId, int Count)> BusiestTopics);

/// <summary>
/// The front page's queries (the latest page with its total, the pinned story, the busiest regions and topics: at 100,000
/// stories the counts cost tens of milliseconds each), run once per content version and shared by every render of
/// <c>/</c> until the version changes or a cached page's lifetime (<see cref="ReadingOptions.CacheDuration"/>) passes, so
/// "the last 30 days" moves on as it does for the page itself. <see cref="ReadingWarmup"/> fills it at start, so the
/// first reader does not wait for them.
/// </summary>
public sealed class FrontPage(ContentVersion version, IServiceScopeFactory scopes, TimeProvider time, IOptions<ReadingOptions> options)
{
    /// <summary>How many busiest regions and topics the page lists.</summary>
    public const int BusiestCount = 8;

    private readonly VersionedCache<FrontPageData> _cache = new(version, scopes, time, options.Value.CacheDuration, (services, ct) => LoadAsync(services, options.Value.PageSize, ct));

    public Task<FrontPageData> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    private static async Task<FrontPageData> LoadAsync(IServiceProvider services, int pageSize, CancellationToken cancellationToken)
    {
        var stories = services.GetRequiredService<StoryQueries>();
        var since = stories.Now.AddDays(-StoryCounts.RecentDays);
        var latest = await stories.LatestAsync(1, pageSize, null, null, cancellationToken);
        var top = await stories.PinnedAsync(cancellationToken);
        // Three times as many regions as shown: continents and theatres among the busiest are left out by the page.
        var (regions, topics) = await stories.BusiestAsync(since, BusiestCount * 3, BusiestCount, cancellationToken);
        return new FrontPageData(latest, top, regions, topics);
    }
}
