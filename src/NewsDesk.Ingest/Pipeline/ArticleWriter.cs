using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Content;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Text;
using NewsDesk.Ingest.Dedup;

namespace NewsDesk.Ingest.Pipeline;

/// <summary>Where a batch goes: the source row, the name readers see, and whether new articles are published.</summary>
internal sealed record WriteTarget(int SourceId, string SourceName, bool Publish);

/// <summary>Counts of one write, applied to the summary only once their transaction has committed.</summary>
/// <param name="Refused">Items not written, with a one-line reason each.</param>
internal sealed record WriteCounts(int Added, int Updated, int Duplicates, IReadOnlyList<(IncomingItem Item, string Reason)>? Refused = null);

/// <summary>
/// Stores items: recognises what it has seen (GUID within the source, then canonical URL, then content hash),
/// updates changed items with a revision, links near-duplicates into story clusters, tags, and commits.
/// Items go in batches, one transaction per batch holding whole items only, so a crash at any point leaves
/// each item either fully stored or absent. A batch that fails (a concurrent writer took a slug, say) is
/// retried item by item, so one bad item never costs the others.
/// </summary>
public sealed partial class ArticleWriter(
    IServiceScopeFactory scopes,
    ContentChangeNotifier notifier,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<ArticleWriter> logger)
{
    internal async Task<WriteCounts> WriteAsync(IReadOnlyList<IncomingItem> items, WriteTarget target, Action<IncomingItem, string> reject, CancellationToken cancellationToken)
    {
        try
        {
            return Report(await WriteOnceAsync(items, target, cancellationToken), reject);
        }
        catch (DbUpdateException ex) when (items.Count > 1)
        {
            LogBatchRetry(items.Count, ex.InnerException?.Message ?? ex.Message);
        }

        var added = 0;
        var updated = 0;
        var duplicates = 0;
        foreach (var item in items)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var counts = Report(await WriteOnceAsync([item], target, cancellationToken), reject);
                    added += counts.Added;
                    updated += counts.Updated;
                    duplicates += counts.Duplicates;
                    break;
                }
                catch (DbUpdateException ex) when (attempt < 3)
                {
                    LogItemRetry(item.Headline, ex.InnerException?.Message ?? ex.Message);
                }
                catch (DbUpdateException ex)
                {
                    reject(item, "could not be stored: " + Feeds.FeedParser.OneLine(ex.InnerException?.Message ?? ex.Message));
                    break;
                }
            }
        }

        return new WriteCounts(added, updated, duplicates);
    }

    private static string? Refusal(IncomingArticle article) =>
        article.Body.Length > StoryFields.MaxBodyLength
            ? string.Create(CultureInfo.InvariantCulture, $"the body is {article.Body.Length:N0} characters long; a story may have {StoryFields.MaxBodyLength:N0}")
            : VisibleText.IsBlank(article.Headline) ? "the headline shows nothing (only invisible characters)" : null;

    private static WriteCounts Report(WriteCounts counts, Action<IncomingItem, string> reject)
    {
        foreach (var (item, reason) in counts.Refused ?? [])
        {
            reject(item, reason);
        }

        return counts;
    }

    private sealed class Known(int id, int? sourceId, string? externalId, string? canonicalUrl, string? contentHash, Article? pending)
    {
        public int Id { get; } = id;

        public int? SourceId { get; } = sourceId;

        public string? ExternalId { get; } = externalId;

        public string? CanonicalUrl { get; } = canonicalUrl;

        public string? ContentHash { get; set; } = contentHash;

        public Article? Pending { get; } = pending;
    }

    private sealed record Prepared(IncomingItem Item, string? Canonical, string Hash)
    {
        public Known? Match { get; set; }

        public bool IsUpdate { get; set; }

        public byte[]? Signature => Item.Signature;

        public long[]? Bands => Item.Bands;

        public Article? Article { get; set; }
    }

    private sealed record Candidate(int Id, byte[]? Fingerprint, int? ClusterId);

    private async Task<WriteCounts> WriteOnceAsync(IReadOnlyList<IncomingItem> items, WriteTarget target, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var tagger = scope.ServiceProvider.GetRequiredService<IArticleTagger>();
        var now = time.GetUtcNow().UtcDateTime;

        // IMMEDIATE: the write lock is taken now, so the look-ups below cannot go stale before the commit.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var prepared = items.Select(i => new Prepared(i, CanonicalUrl.From(i.OriginalUrl), i.ContentHash)).ToList();

        var duplicates = Classify(prepared, await LookUpAsync(db, prepared, target.SourceId, cancellationToken), target.SourceId);
        var toWrite = prepared.Where(p => p.Match is null || p.IsUpdate).ToList();
        // The desk's editor saves bodies up to this length: a longer story could be published, but not edited or
        // unpublished, and every page, feed and search snippet showing it would carry it whole.
        // A headline of only invisible characters would be published as an empty link.
        var refused = toWrite.Select(p => (p.Item, Reason: Refusal(p.Item.Article))).Where(r => r.Reason is not null).Select(r => (r.Item, r.Reason!)).ToList();
        toWrite.RemoveAll(p => refused.Exists(r => r.Item == p.Item));
        // Usually done ahead by PrepareAsync; what is left (a stale hint, a single item) takes both cores here.
        Parallel.ForEach(toWrite.Where(p => !p.Item.Fingerprinted), new ParallelOptions { CancellationToken = cancellationToken }, p => p.Item.Fingerprint());

        var candidates = await CandidatesAsync(db, toWrite, cancellationToken);
        var slugs = new SlugAllocator(db, toWrite.Where(p => !p.IsUpdate).Select(p => p.Item.Article.Headline));
        await slugs.LoadAsync(cancellationToken);

        foreach (var p in toWrite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            p.Article = p.IsUpdate ? await UpdateAsync(db, p, now, cancellationToken) : await CreateAsync(p, target, slugs, now, cancellationToken);
        }

        // New articles are tagged as one batch, then written with prepared statements rather than through the change
        // tracker (with their tag links, about fifteen each, it would be most of the time), and stay untracked.
        var fresh = toWrite.Where(p => !p.IsUpdate).Select(p => p.Article!).ToList();
        await tagger.TagAllAsync(fresh, [.. toWrite.Where(p => !p.IsUpdate).Select(p => p.Item.Suggestions)], cancellationToken);
        var added = fresh.Count;
        var links = fresh.SelectMany(TakeLinks).ToList();
        await db.InsertAsync(fresh, cancellationToken);

        var updated = 0;
        var pendingBands = new Dictionary<long, List<Article>>();
        var bandRows = new List<(Article Article, long[] Keys)>();
        var newClusters = new Dictionary<int, StoryCluster>();
        foreach (var p in toWrite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = p.Article!;
            if (p.IsUpdate)
            {
                // An update is re-tagged on the tracked entity: an editor's accepted, rejected or added links stay as they are.
                await tagger.TagKeepingDecisionsAsync(db, article, cancellationToken);
                updated++;
            }

            if (p.Bands is not null && article.ClusterMembership is null
                && !(p.IsUpdate && await db.StoryClusterMembers.AnyAsync(m => m.ArticleId == article.Id, cancellationToken)))
            {
                Cluster(db, article, p, candidates, pendingBands, newClusters, now);
            }

            if (p.Bands is not null)
            {
                bandRows.Add((article, p.Bands));
                foreach (var key in p.Bands)
                {
                    if (!pendingBands.TryGetValue(key, out var list))
                    {
                        pendingBands[key] = list = [];
                    }

                    list.Add(article);
                }
            }
        }

        // Updates, clusters and the tags the tagger created; a new tag gets its id here, before its links are written.
        await db.SaveChangesAsync(cancellationToken);
        await db.InsertAsync([.. fresh.Select(a => FirstRevision(a, now))], cancellationToken);
        await InsertBandsAsync(db, bandRows, cancellationToken);
        foreach (var link in links)
        {
            link.ArticleId = link.Article.Id;
            link.TermId = link.TermId != 0 ? link.TermId : link.Term.Id;
        }

        await db.InsertAsync(links, cancellationToken);
        if (fresh.Any(a => a.Status == ArticleStatus.Published))
        {
            await ContentStamps.BumpAsync(db, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (fresh.Any(a => a.Status == ArticleStatus.Published))
        {
            notifier.Notify();
        }

        return new WriteCounts(added, updated, duplicates, refused);
    }

    /// <summary>
    /// The batch's work that needs no write lock, done ahead of <see cref="WriteAsync"/> (ingest prepares the next batch
    /// while one is written): a read-only look-up leaves out what the store already has unchanged, and for the rest the
    /// Markdown, the near-duplicate fingerprint and the tag suggestions are computed on every core. The write repeats the
    /// look-up under the lock, so a stale answer (an earlier batch of the same feed, another writer) costs only work.
    /// </summary>
    internal async Task PrepareAsync(IReadOnlyList<IncomingItem> items, WriteTarget target, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        var prepared = items.Select(i => new Prepared(i, CanonicalUrl.From(i.OriginalUrl), i.ContentHash)).ToList();
        Classify(prepared, await LookUpAsync(db, prepared, target.SourceId, cancellationToken), target.SourceId);
        var work = prepared.Where(p => p.Match is null || p.IsUpdate).Select(p => p.Item).ToList();
        if (work.Count == 0)
        {
            return;
        }

        Parallel.ForEach(work, new ParallelOptions { CancellationToken = cancellationToken }, i => i.Fingerprint());
        var fresh = prepared.Where(p => p.Match is null).Select(p => p.Item).ToList();
        var tagger = scope.ServiceProvider.GetRequiredService<IArticleTagger>();
        var suggestions = await tagger.SuggestAllAsync([.. fresh.Select(i => new ArticleText(i.Article.Headline, i.Article.Standfirst, i.Article.Body))], cancellationToken);
        for (var i = 0; suggestions is not null && i < fresh.Count; i++)
        {
            fresh[i].Suggestions = suggestions[i];
        }
    }

    /// <summary>
    /// Decides what each item is, against the store's <paramref name="known"/> rows and against earlier items of the
    /// batch: new (no match), an update (same source, changed content) or a duplicate. Returns the duplicates.
    /// </summary>
    private static int Classify(List<Prepared> prepared, List<Known> known, int sourceId)
    {
        var byId = new Dictionary<string, Known>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, List<Known>>(StringComparer.Ordinal);
        var byHash = new Dictionary<string, Known>(StringComparer.Ordinal);
        foreach (var k in known)
        {
            Remember(k, sourceId, byId, byUrl, byHash);
        }

        var duplicates = 0;
        foreach (var p in prepared)
        {
            var (match, sameSource) = Match(p, sourceId, byId, byUrl, byHash);
            p.Match = match;
            p.IsUpdate = false;
            if (match is null)
            {
                Remember(new Known(0, sourceId, p.Item.ExternalId, p.Canonical, p.Hash, pending: null), sourceId, byId, byUrl, byHash);
            }
            else if (match.ContentHash == p.Hash || !sameSource || match.Id == 0)
            {
                duplicates++;
            }
            else
            {
                p.IsUpdate = true;
                match.ContentHash = p.Hash;
            }
        }

        return duplicates;
    }

    private static ArticleRevision FirstRevision(Article article, DateTime now)
    {
        var revision = article.Snapshot(1, now, "ingest", author: null);
        revision.ArticleId = article.Id;
        return revision;
    }

    /// <summary>The links a tagger put on a new article, out of its graph (one per term), to be written once the article has its id.</summary>
    private static List<ArticleTerm> TakeLinks(Article article)
    {
        var links = article.Terms.DistinctBy(l => l.TermId != 0 ? (object)l.TermId : l.Term).ToList();
        article.Terms.Clear();
        foreach (var link in links)
        {
            link.Article = article;
        }

        return links;
    }

    /// <summary>
    /// The band rows (8 per article) go in as multi-row INSERTs after the articles have their ids: through the
    /// change tracker they would be four fifths of all entities saved, and most of the time. The values are
    /// numbers the code computed, written as literals; the statement is plain SQL that every provider reads.
    /// </summary>
    private static async Task InsertBandsAsync(NewsDeskDbContext db, List<(Article Article, long[] Keys)> rows, CancellationToken cancellationToken)
    {
        const int RowsPerStatement = 500;
        var values = rows.SelectMany(r => r.Keys.Distinct().Select(k => (Key: k, r.Article.Id))).ToList();
        for (var start = 0; start < values.Count; start += RowsPerStatement)
        {
            var sql = new StringBuilder("INSERT INTO \"ArticleSimilarityBands\" (\"Key\", \"ArticleId\") VALUES ");
            for (var i = start; i < Math.Min(values.Count, start + RowsPerStatement); i++)
            {
                sql.Append(i == start ? "(" : ", (")
                    .Append(values[i].Key.ToString(CultureInfo.InvariantCulture)).Append(", ")
                    .Append(values[i].Id.ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), cancellationToken);
        }
    }

    private static async Task<List<Known>> LookUpAsync(NewsDeskDbContext db, List<Prepared> prepared, int sourceId, CancellationToken cancellationToken)
    {
        var ids = prepared.Select(p => p.Item.ExternalId).OfType<string>().Distinct().ToList();
        var urls = prepared.Select(p => p.Canonical).OfType<string>().Distinct().ToList();
        var hashes = prepared.Select(p => p.Hash).Distinct().ToList();
        var rows = await db.Articles.AsNoTracking()
            .Where(a => (a.SourceId == sourceId && EF.Parameter(ids).Contains(a.ExternalId!)) || EF.Parameter(urls).Contains(a.CanonicalUrl!) || EF.Parameter(hashes).Contains(a.ContentHash!))
            .Select(a => new { a.Id, a.SourceId, a.ExternalId, a.CanonicalUrl, a.ContentHash })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Known(r.Id, r.SourceId, r.ExternalId, r.CanonicalUrl, r.ContentHash, pending: null))];
    }

    private static void Remember(Known known, int sourceId, Dictionary<string, Known> byId, Dictionary<string, List<Known>> byUrl, Dictionary<string, Known> byHash)
    {
        if (known.ExternalId is not null && known.SourceId == sourceId)
        {
            byId.TryAdd(known.ExternalId, known);
        }

        if (known.CanonicalUrl is not null)
        {
            if (!byUrl.TryGetValue(known.CanonicalUrl, out var list))
            {
                byUrl[known.CanonicalUrl] = list = [];
            }

            list.Add(known);
        }

        if (known.ContentHash is not null)
        {
            byHash.TryAdd(known.ContentHash, known);
        }
    }

    /// <summary>GUID within the source, then canonical URL (any source), then content hash (any source).</summary>
    private static (Known? Match, bool SameSource) Match(Prepared p, int sourceId, Dictionary<string, Known> byId, Dictionary<string, List<Known>> byUrl, Dictionary<string, Known> byHash)
    {
        if (p.Item.ExternalId is not null && byId.TryGetValue(p.Item.ExternalId, out var byGuid))
        {
            return (byGuid, true);
        }

        if (p.Canonical is not null && byUrl.TryGetValue(p.Canonical, out var list))
        {
            var own = list.Find(k => k.SourceId == sourceId);
            return own is not null ? (own, true) : (list[0], false);
        }

        return byHash.TryGetValue(p.Hash, out var byContent) ? (byContent, false) : (null, false);
    }

    private static async Task<Article> CreateAsync(Prepared p, WriteTarget target, SlugAllocator slugs, DateTime now, CancellationToken cancellationToken)
    {
        var item = p.Item.Article;
        var slug = await slugs.NextAsync(item.Headline, cancellationToken);
        var article = new Article(slug, item.Headline, item.Body, ArticleStatus.Incoming, now)
        {
            Standfirst = item.Standfirst,
            Byline = item.Byline,
            ImageCredit = item.ImageCredit,
            SourceId = target.SourceId,
            SourceName = target.SourceName,
            OriginalUrl = item.OriginalUrl,
            CanonicalUrl = p.Canonical,
            ExternalId = item.ExternalId,
            ContentHash = p.Hash,
            SourcePublishedAt = item.PublishedAt,
            UpdatedAt = item.UpdatedAt,
            Fingerprint = p.Signature,
        };
        if (target.Publish)
        {
            // A date in the future (a feed's wrong clock) would hide the story as scheduled.
            var published = item.PublishedAt is { } at && at < now ? at : now;
            article.Publish(published);
        }

        return article;
    }

    private static async Task<Article> UpdateAsync(NewsDeskDbContext db, Prepared p, DateTime now, CancellationToken cancellationToken)
    {
        var id = p.Match!.Id;
        var article = await db.Articles.Include(a => a.Terms).FirstAsync(a => a.Id == id, cancellationToken);
        var last = await db.ArticleRevisions.Where(r => r.ArticleId == id).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0;
        var item = p.Item.Article;
        article.Headline = item.Headline;
        article.Standfirst = item.Standfirst;
        article.Body = item.Body;
        article.Byline = item.Byline ?? article.Byline;
        article.ImageCredit = item.ImageCredit ?? article.ImageCredit;
        article.OriginalUrl = item.OriginalUrl ?? article.OriginalUrl;
        article.CanonicalUrl = p.Canonical ?? article.CanonicalUrl;
        article.ContentHash = p.Hash;
        article.SourcePublishedAt = item.PublishedAt ?? article.SourcePublishedAt;
        article.UpdatedAt = item.UpdatedAt ?? now;
        article.Fingerprint = p.Signature;
        article.Touch(now);
        article.Revisions.Add(article.Snapshot(last + 1, now, "ingest update", author: null));
        await db.ArticleSimilarityBands.Where(b => b.ArticleId == id).ExecuteDeleteAsync(cancellationToken);
        return article;
    }

    private static async Task<Dictionary<long, List<Candidate>>> CandidatesAsync(NewsDeskDbContext db, List<Prepared> toWrite, CancellationToken cancellationToken)
    {
        var keys = toWrite.Where(p => p.Bands is not null).SelectMany(p => p.Bands!).Distinct().ToList();
        var result = new Dictionary<long, List<Candidate>>();
        if (keys.Count == 0)
        {
            return result;
        }

        var hits = await db.ArticleSimilarityBands.AsNoTracking()
            .Where(b => EF.Parameter(keys).Contains(b.Key))
            .Select(b => new { b.Key, b.ArticleId })
            .ToListAsync(cancellationToken);
        if (hits.Count == 0)
        {
            return result;
        }

        var ids = hits.Select(h => h.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking()
            .Where(a => EF.Parameter(ids).Contains(a.Id))
            .Select(a => new Candidate(a.Id, a.Fingerprint, a.ClusterMembership == null ? null : a.ClusterMembership.StoryClusterId))
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var hit in hits)
        {
            if (!result.TryGetValue(hit.Key, out var list))
            {
                result[hit.Key] = list = [];
            }

            list.Add(articles[hit.ArticleId]);
        }

        return result;
    }

    /// <summary>Links the article to the most similar earlier article at or above the threshold, creating their cluster if needed.</summary>
    private void Cluster(
        NewsDeskDbContext db,
        Article article,
        Prepared p,
        Dictionary<long, List<Candidate>> candidates,
        Dictionary<long, List<Article>> pendingBands,
        Dictionary<int, StoryCluster> newClusters,
        DateTime now)
    {
        var threshold = options.Value.ClusterThreshold;
        var selfId = p.IsUpdate ? p.Match!.Id : 0;
        Candidate? bestStored = null;
        Article? bestPending = null;
        var best = 0.0;
        foreach (var key in p.Bands!)
        {
            if (candidates.TryGetValue(key, out var stored))
            {
                foreach (var c in stored)
                {
                    if (c.Id == selfId || c.Fingerprint is null)
                    {
                        continue;
                    }

                    var similarity = MinHash.Similarity(p.Signature!, c.Fingerprint);
                    if (similarity >= threshold && similarity > best)
                    {
                        (best, bestStored, bestPending) = (similarity, c, null);
                    }
                }
            }

            if (pendingBands.TryGetValue(key, out var pending))
            {
                foreach (var other in pending)
                {
                    if (ReferenceEquals(other, article) || other.Fingerprint is null)
                    {
                        continue;
                    }

                    var similarity = MinHash.Similarity(p.Signature!, other.Fingerprint);
                    if (similarity >= threshold && similarity > best)
                    {
                        (best, bestStored, bestPending) = (similarity, null, other);
                    }
                }
            }
        }

        StoryCluster? cluster = null;
        int? clusterId = null;
        if (bestStored is not null)
        {
            if (bestStored.ClusterId is { } storedCluster)
            {
                clusterId = storedCluster;
            }
            else if (!newClusters.TryGetValue(bestStored.Id, out cluster))
            {
                cluster = new StoryCluster { CreatedAt = now };
                db.StoryClusters.Add(cluster);
                db.StoryClusterMembers.Add(new StoryClusterMember { ArticleId = bestStored.Id, StoryCluster = cluster });
                newClusters[bestStored.Id] = cluster;
            }
        }
        else if (bestPending is not null)
        {
            if (bestPending.ClusterMembership is null)
            {
                cluster = new StoryCluster { CreatedAt = now };
                db.StoryClusters.Add(cluster);
                Join(db, bestPending, new StoryClusterMember { StoryCluster = cluster });
            }
            else if (bestPending.ClusterMembership.StoryCluster is { } pendingCluster)
            {
                cluster = pendingCluster;
            }
            else
            {
                clusterId = bestPending.ClusterMembership.StoryClusterId;
            }
        }
        else
        {
            return;
        }

        var member = new StoryClusterMember { Similarity = Math.Round(best, 3) };
        if (cluster is not null)
        {
            member.StoryCluster = cluster;
        }
        else
        {
            member.StoryClusterId = clusterId!.Value;
        }

        Join(db, article, member);
    }

    /// <summary>
    /// Adds the membership by the article's id: a new article was written without the change tracker and must not be
    /// reached through a navigation (it would be inserted twice). The navigation on the article is this batch's own record.
    /// </summary>
    private static void Join(NewsDeskDbContext db, Article article, StoryClusterMember member)
    {
        member.ArticleId = article.Id;
        db.StoryClusterMembers.Add(member);
        article.ClusterMembership = member;
    }

    /// <summary>Slugs for a batch: one query for the plain slugs, a closer look only for headlines whose slug is taken.</summary>
    private sealed class SlugAllocator(NewsDeskDbContext db, IEnumerable<string> headlines)
    {
        private readonly List<string> _bases = [.. headlines.Select(Base).Distinct()];
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
        private readonly HashSet<string> _reserved = new(StringComparer.Ordinal);

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            if (_bases.Count == 0)
            {
                return;
            }

            var taken = await db.Articles.Where(a => EF.Parameter(_bases).Contains(a.Slug)).Select(a => a.Slug)
                .Union(db.SlugRedirects.Where(r => r.Kind == SlugKind.Article && EF.Parameter(_bases).Contains(r.FromSlug)).Select(r => r.FromSlug))
                .ToListAsync(cancellationToken);
            _taken.UnionWith(taken);
        }

        public async Task<string> NextAsync(string headline, CancellationToken cancellationToken)
        {
            var slug = Base(headline);
            if (!_taken.Contains(slug) && _reserved.Add(slug))
            {
                return slug;
            }

            var free = await ArticleSlugs.FreeSlugAsync(db, headline, cancellationToken: cancellationToken);
            for (var n = 2; !_reserved.Add(free); n++)
            {
                free = Slugs.WithSuffix(slug, n);
                while (await db.Articles.AnyAsync(a => a.Slug == free, cancellationToken))
                {
                    free = Slugs.WithSuffix(slug, ++n);
                }
            }

            return free;
        }

        private static string Base(string headline)
        {
            var slug = Slugs.From(headline);
            return slug.Length == 0 ? ArticleSlugs.Fallback : slug;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} items failed to commit ({Reason}); writing them one by one")]
    private partial void LogBatchRetry(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing \"{Headline}\" failed ({Reason}); retrying")]
    private partial void LogItemRetry(string headline, string reason);
}
