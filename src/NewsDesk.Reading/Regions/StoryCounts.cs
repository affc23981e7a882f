using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Reading.Caching;

namespace NewsDesk.Reading.Regions;

/// <summary>Published stories per region (a region counts its descendants' stories once each) and per topic.</summary>
/// <param name="Recent">The same, for stories of the last <see cref="StoryCounts.RecentDays"/> days.</param>
public sealed record StoryCountSnapshot(
    IReadOnlyDictionary<int, int> AllTime,
    IReadOnlyDictionary<int, int> Recent,
    IReadOnlyDictionary<int, int> TopicsAllTime,
    IReadOnlyDictionary<int, int> TopicsRecent)
{
    public int Count(int regionId) => AllTime.GetValueOrDefault(regionId);

    public int RecentCount(int regionId) => Recent.GetValueOrDefault(regionId);
}

/// <summary>
/// Story counts for the region tree, the map and the front page, computed in one pass over the public region links
/// and kept until the content version changes (or an hour passes, so "recent" moves on).
/// </summary>
public sealed class StoryCounts(ContentVersion version, IServiceScopeFactory scopes, TimeProvider time)
{
    public const int RecentDays = 30;

    private readonly VersionedCache<StoryCountSnapshot> _cache = new(version, scopes, time, TimeSpan.FromHours(1), (services, ct) => LoadAsync(services, time, ct));

    public Task<StoryCountSnapshot> GetAsync(CancellationToken cancellationToken = default) => _cache.GetAsync(cancellationToken);

    private static async Task<StoryCountSnapshot> LoadAsync(IServiceProvider services, TimeProvider time, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<NewsDeskDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-RecentDays);
        // Links to retired or merged-away regions count nowhere, as on the region pages, so the counts match their totals.
        var paths = await db.Regions.AsNoTracking().Where(r => r.RetiredAt == null && r.MergedIntoId == null).Select(r => new { r.Id, r.Path }).ToDictionaryAsync(r => r.Id, r => Ancestry(r.Path), cancellationToken);

        var allTime = new Dictionary<int, int>();
        var recent = new Dictionary<int, int>();
        var seen = new HashSet<int>();
        var current = -1;
        var currentIsRecent = false;

        void Flush()
        {
            foreach (var id in seen)
            {
                allTime[id] = allTime.GetValueOrDefault(id) + 1;
                if (currentIsRecent)
                {
                    recent[id] = recent.GetValueOrDefault(id) + 1;
                }
            }

            seen.Clear();
        }

        var links = db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => l.Term is Region && l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now)
            .OrderBy(l => l.ArticleId)
            .Select(l => new { l.ArticleId, l.TermId, l.Article.PublishedAt })
            .AsAsyncEnumerable();
        await foreach (var link in links.WithCancellation(cancellationToken))
        {
            if (link.ArticleId != current)
            {
                Flush();
                current = link.ArticleId;
                currentIsRecent = link.PublishedAt >= since;
            }

            // A story filed under Japan and Tokyo counts once for Japan, Eastern Asia, Asia and the world.
            if (paths.TryGetValue(link.TermId, out var ancestry))
            {
                seen.UnionWith(ancestry);
            }
        }

        Flush();

        var topicLinks = db.ArticleTerms.AsNoTracking()
            .Where(ArticleTerm.IsPublic)
            .Where(l => l.Term is Topic && l.Article.Status == ArticleStatus.Published && l.Article.PublishedAt <= now);
        var topicsAllTime = await topicLinks.GroupBy(l => l.TermId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var topicsRecent = await topicLinks.Where(l => l.Article.PublishedAt >= since).GroupBy(l => l.TermId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new StoryCountSnapshot(allTime, recent, topicsAllTime, topicsRecent);
    }

    private static int[] Ancestry(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];
}
