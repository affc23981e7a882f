using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Text;

namespace NewsDesk.Core.Search;

/// <summary>
/// <see cref="IArticleSearch"/> on SQLite FTS5: the <c>ArticleSearch</c> table indexes published Articles as its external
/// content, kept in step by triggers (<see cref="SqliteSearchSchema"/>). Ranked by BM25 with the headline weighted above
/// the standfirst above the body; words in half the stories or more filter without being ranked
/// (<see cref="SqliteTermFrequencies"/>). A search with many matches ranks them in parts on other connections while
/// cores are idle (<see cref="SearchParallelism"/>), and counts its matches while the page is highlighted.
/// </summary>
internal sealed class SqliteArticleSearch(
    NewsDeskDbContext db, IServiceScopeFactory scopes, TimeProvider time, SqliteTermFrequencies frequencies, SearchParallelism parallelism) : IArticleSearch
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = ToFts5(request.Query);
        var regionIds = request.RegionId is { } regionId ? await SubtreeAsync(regionId, cancellationToken) : null;
        var take = Math.Clamp(request.Take, 1, 100);
        var skip = Math.Max(0, request.Skip);

        using var lease = parallelism.Begin();
        return await db.WithConnectionAsync<SearchResults>(
            async connection =>
            {
                (string Rank, string Unranked)? split = null;
                int? total = null;
                var parts = 1;
                if (request.Order == SearchOrder.Relevance)
                {
                    var plan = await PlanAsync(connection, request.Query, cancellationToken);
                    split = plan.Split;
                    // Words that are common apart can be rare together: the count, wanted for a full page anyway,
                    // tells whether there are enough matches to rank in parts (rather than pay every part's start for
                    // a few).
                    if (lease.Parts(plan.MaxMatches) > 1)
                    {
                        total = await CountAsync(connection, request, match, regionIds, cancellationToken);
                        parts = lease.Parts(total.Value);
                    }
                }

                var ids = total <= skip ? [] : await RankAsync(connection, request, split, regionIds, skip + take, parts, cancellationToken);
                ids = [.. ids.Skip(skip)];

                // Otherwise the total needs no ranking: with a core to spare it is counted on another connection while
                // this one marks the page (on a busy server the hand-over would only queue). It is the page's own
                // length when the page is short, and nothing to count when nothing matched.
                Task<int> counting;
                if (total is not null || (ids.Count < take && (ids.Count > 0 || skip == 0)))
                {
                    counting = Task.FromResult(total ?? (skip + ids.Count));
                }
                else if (lease.HasSpareCore)
                {
                    counting = Task.Run(() => OnOwnConnectionAsync(other => CountAsync(other, request, match, regionIds, cancellationToken), cancellationToken), cancellationToken);
                }
                else
                {
                    counting = Task.FromResult(await CountAsync(connection, request, match, regionIds, cancellationToken));
                }

                var highlighting = ids.Count == 0 ? Task.FromResult(new Dictionary<int, SearchHit>()) : HighlightAsync(connection, match, ids, cancellationToken);
                await Task.WhenAll(counting, highlighting);
                var hits = await highlighting;
                return new SearchResults(await counting, [.. ids.Where(hits.ContainsKey).Select(id => hits[id])]);
            },
            cancellationToken);
    }

    /// <summary>The FTS5 query for a parsed search. Words are letters and digits only, so quoting them is enough.</summary>
    internal static string ToFts5(SearchQuery query)
    {
        var required = string.Join(" AND ", query.Required.Select(Group));
        return query.Excluded.Count == 0
            ? required
            : "(" + required + ") NOT (" + string.Join(" OR ", query.Excluded.Select(Term)) + ")";
    }

    /// <summary>
    /// The query to rank by without its <paramref name="weightless"/> required groups (those BM25 gives no weight), and
    /// the matches of that query the dropped groups rule out; null when there is nothing to drop or nothing would be
    /// left to rank by. Ranking the rest gives the same order (ties aside) without reading the common words' lists.
    /// </summary>
    internal static (string Rank, string Unranked)? SplitWeightless(SearchQuery query, IReadOnlyList<bool> weightless)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(weightless);
        var kept = query.Required.Where((_, i) => !weightless[i]).ToList();
        if (kept.Count == 0 || kept.Count == query.Required.Count)
        {
            return null;
        }

        var rank = ToFts5(query with { Required = kept });
        var dropped = string.Join(" AND ", query.Required.Where((_, i) => weightless[i]).Select(Group));
        return (rank, "(" + rank + ") NOT (" + dropped + ")");
    }

    private static string Term(SearchTerm t) => "\"" + string.Join(' ', t.Words) + "\"" + (t.Prefix ? "*" : "");

    private static string Group(IReadOnlyList<SearchTerm> g) => g.Count == 1 ? Term(g[0]) : "(" + string.Join(" OR ", g.Select(Term)) + ")";

    /// <summary>
    /// How to rank <paramref name="query"/>: without its weightless groups (<see cref="SplitWeightless"/>), and at most how
    /// many stories the ranked groups match (the smallest group's count), which decides into how many parts to rank. (An
    /// estimate that took the words as independent would be closer for unrelated words, and far too low for the related
    /// words readers search for together, whose many matches are the searches that gain from parts.)
    /// </summary>
    internal async Task<((string Rank, string Unranked)? Split, long MaxMatches)> PlanAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var weightless = new List<bool>(query.Required.Count);
        var stories = new List<long>(query.Required.Count);
        foreach (var group in query.Required)
        {
            var all = true;
            var sum = 0L;
            foreach (var term in group)
            {
                var count = await frequencies.CountAsync(connection, Term(term), cancellationToken);
                all = all && count.Weightless;
                sum += count.Stories;
            }

            weightless.Add(all);
            stories.Add(sum);
        }

        var split = SplitWeightless(query, weightless);
        return (split, stories.Where((_, i) => split is null || !weightless[i]).DefaultIfEmpty(0).Min());
    }

    private async Task<List<int>> SubtreeAsync(int regionId, CancellationToken cancellationToken)
    {
        var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? [] : await db.Regions.Where(r => r.Path.StartsWith(path)).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The ids of the first <paramref name="limit"/> matches in order; with several <paramref name="parts"/> (relevance
    /// only), each range of story ids is ranked on its own connection at once and the pages merge. BM25 takes its
    /// statistics from the whole index whatever the range, so scores from different parts compare; each part may see the
    /// store a moment apart from the others, as two searches would.
    /// </summary>
    private async Task<List<int>> RankAsync(
        DbConnection connection, SearchRequest request, (string Rank, string Unranked)? split, List<int>? regionIds, int limit, int parts, CancellationToken cancellationToken)
    {
        if (parts <= 1 || request.Order != SearchOrder.Relevance)
        {
            return [.. (await RankPartAsync(connection, request, split, regionIds, null, limit, cancellationToken)).Select(r => r.Id)];
        }

        var ranges = await IdRangesAsync(connection, parts, cancellationToken);
        // The other parts start first (SQLite's async calls run synchronously), then the first runs on this connection.
        List<Task<List<(int Id, double Score)>>> others = [.. ranges.Skip(1).Select(range => Task.Run(
            () => OnOwnConnectionAsync(other => RankPartAsync(other, request, split, regionIds, range, limit, cancellationToken), cancellationToken),
            cancellationToken))];
        var ranked = await Task.WhenAll([RankPartAsync(connection, request, split, regionIds, ranges[0], limit, cancellationToken), .. others]);
        return [.. ranked.SelectMany(r => r).OrderBy(r => r.Score).ThenByDescending(r => r.Id).Take(limit).Select(r => r.Id)];
    }

    /// <summary>Story ids cut into <paramref name="parts"/> ranges of equal width, the first and last open-ended so stories
    /// added meanwhile still fall in one.</summary>
    private static async Task<List<(long From, long To)>> IdRangesAsync(DbConnection connection, int parts, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        // Apart: SQLite reads one end of the key for a lone min() or max(), and every row for the two together.
        command.CommandText = "SELECT (SELECT min(Id) FROM Articles), (SELECT max(Id) FROM Articles)";
        long min, max;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            if (await reader.IsDBNullAsync(0, cancellationToken))
            {
                return [(long.MinValue, long.MaxValue)];
            }

            (min, max) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        var width = Math.Max(1, (max - min + parts) / parts);
        return [.. Enumerable.Range(0, parts).Select(i => (
            i == 0 ? long.MinValue : min + (i * width),
            i == parts - 1 ? long.MaxValue : min + ((i + 1) * width) - 1))];
    }

    /// <summary>One range's first <paramref name="limit"/> matches in order, with their BM25 scores (lower is better).</summary>
    private async Task<List<(int Id, double Score)>> RankPartAsync(
        DbConnection connection, SearchRequest request, (string Rank, string Unranked)? split, List<int>? regionIds, (long From, long To)? range, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var where = Where(command, request, split?.Rank ?? ToFts5(request.Query), split?.Unranked, regionIds, range);
        // Ordered with a LIMIT, SQLite keeps only this page's rows while it ranks.
        command.CommandText = request.Order == SearchOrder.Newest
            ? $"SELECT s.rowid, 0.0 {where} ORDER BY a.PublishedAt DESC, a.Id DESC LIMIT $limit"
            : $"SELECT s.rowid, bm25(ArticleSearch, 10.0, 4.0, 1.0) AS score {where} ORDER BY score, s.rowid DESC LIMIT $limit";
        command.AddParameter("$limit", limit);
        var rows = new List<(int, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt32(0), reader.GetDouble(1)));
        }

        return rows;
    }

    /// <summary>All matches, ranked by nothing: with the whole query, which filters as fast as the split one.</summary>
    private async Task<int> CountAsync(DbConnection connection, SearchRequest request, string match, List<int>? regionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) " + Where(command, request, match, null, regionIds, null);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The FROM and WHERE clauses of a search, its parameters added to <paramref name="command"/>.</summary>
    private string Where(DbCommand command, SearchRequest request, string match, string? unranked, List<int>? regionIds, (long From, long To)? range)
    {
        command.AddParameter("$match", match);
        command.AddParameter("$published", nameof(ArticleStatus.Published));
        command.AddParameter("$now", time.GetUtcNow().UtcDateTime);
        var inRange = "";
        if (range is { } r)
        {
            inRange = " AND s.rowid BETWEEN $low AND $high";
            command.AddParameter("$low", r.From);
            command.AddParameter("$high", r.To);
        }

        var matches = "ArticleSearch MATCH $match" + inRange;
        if (unranked is not null)
        {
            matches += $" AND s.rowid NOT IN (SELECT rowid FROM ArticleSearch s WHERE ArticleSearch MATCH $unranked{inRange})";
            command.AddParameter("$unranked", unranked);
        }

        if (request.FromUtc is null && request.ToUtc is null && regionIds is null && request.TopicId is null && request.Order == SearchOrder.Relevance)
        {
            // The index holds published stories only: leaving out the few scheduled for later, it ranks and counts
            // alone. Looking every match up in Articles made a search for common words twice as slow.
            return $"""
                FROM ArticleSearch s
                WHERE {matches} AND s.rowid NOT IN (SELECT Id FROM Articles WHERE Status = $published AND PublishedAt > $now)
                """;
        }

        // CROSS JOIN keeps FTS5 as the outer loop (otherwise SQLite walks every published article and probes the
        // index once for each, a hundred times slower); the covering index answers "published and due" without the rows.
        var where = new StringBuilder($"""
            FROM ArticleSearch s CROSS JOIN Articles a INDEXED BY IX_Articles_Search ON a.Id = s.rowid
            WHERE {matches} AND a.Status = $published AND a.PublishedAt <= $now
            """);
        AddFilters(command, where, request, regionIds);
        return where.ToString();
    }

    /// <summary>Runs <paramref name="work"/> on a connection of its own (a context from the pool, so it is set up as every
    /// other), for work done at the same time as this search's.</summary>
    private async Task<T> OnOwnConnectionAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>().WithConnectionAsync(work, cancellationToken);
    }

    private static void AddFilters(DbCommand command, StringBuilder where, SearchRequest request, List<int>? regionIds)
    {
        if (request.FromUtc is { } from)
        {
            where.Append(" AND a.PublishedAt >= $from");
            command.AddParameter("$from", from);
        }

        if (request.ToUtc is { } to)
        {
            where.Append(" AND a.PublishedAt < $to");
            command.AddParameter("$to", to);
        }

        const string publicLink = "(l.Decision = 'Accepted' OR (l.Decision = 'None' AND l.Score >= $threshold))";
        if (regionIds is not null || request.TopicId is not null)
        {
            command.AddParameter("$threshold", ArticleTerm.PublicScoreThreshold);
        }

        if (regionIds is not null)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM ArticleTerms l WHERE l.ArticleId = a.Id AND l.TermId IN (SELECT value FROM json_each($regions)) AND {publicLink})");
            command.AddParameter("$regions", JsonSerializer.Serialize(regionIds));
        }

        if (request.TopicId is { } topicId)
        {
            where.Append($" AND EXISTS (SELECT 1 FROM ArticleTerms l WHERE l.ArticleId = a.Id AND l.TermId = $topic AND {publicLink})");
            command.AddParameter("$topic", topicId);
        }
    }

    private static async Task<Dictionary<int, SearchHit>> HighlightAsync(DbConnection connection, string match, List<int> ids, CancellationToken cancellationToken)
    {
        // Marking the page's hits in the whole index seeks every query term's document list once per hit, and a
        // common word's list is long: 2.5-7 ms for 20 hits among 100,000 stories. The same tokenizer over only these
        // stories, in tables of this connection's own (temp: nothing shared, nothing written to the store), gives the
        // same marks and snippets in 2-2.6 ms. Emptied before each use, so no search sees another's page (one cut off
        // halfway leaves its rows for the next to clear); the index takes its text from a table beside it because
        // emptying such an index ('delete-all') needs no re-reading of the old text. Only stories still published are
        // copied: one unpublished since the ranking drops out, as it did when the page was marked in the index.
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TEMP TABLE IF NOT EXISTS SearchPageText(Id INTEGER PRIMARY KEY, Headline TEXT, Standfirst TEXT, Body TEXT);
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.SearchPage USING fts5(Headline, Standfirst, Body,
                content='SearchPageText', content_rowid='Id', tokenize='{SqliteSearchSchema.Tokenizer}');
            INSERT INTO temp.SearchPage(SearchPage) VALUES ('delete-all');
            DELETE FROM temp.SearchPageText;
            INSERT INTO temp.SearchPageText(Id, Headline, Standfirst, Body)
                SELECT Id, Headline, Standfirst, Body FROM Articles WHERE Id IN (SELECT value FROM json_each($ids)) AND Status = $published;
            INSERT INTO temp.SearchPage(rowid, Headline, Standfirst, Body) SELECT Id, Headline, Standfirst, Body FROM temp.SearchPageText;
            SELECT a.Id, a.Slug, a.Byline, a.PublishedAt,
                   highlight(SearchPage, 0, char(2), char(3)),
                   snippet(SearchPage, 1, char(2), char(3), '…', 32),
                   snippet(SearchPage, 2, char(2), char(3), '…', 32)
            FROM temp.SearchPage p CROSS JOIN Articles a ON a.Id = p.rowid
            WHERE SearchPage MATCH $match;
            """;
        command.AddParameter("$match", match);
        command.AddParameter("$ids", JsonSerializer.Serialize(ids));
        command.AddParameter("$published", nameof(ArticleStatus.Published));
        var hits = new Dictionary<int, SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var standfirst = await reader.IsDBNullAsync(5, cancellationToken) ? "" : reader.GetString(5);
            var byline = await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetString(2);
            var body = reader.GetString(6);
            // The body's best passage, unless only the standfirst matched; snippets come from the Markdown source, read as prose.
            var snippet = !body.Contains(Open, StringComparison.Ordinal) && standfirst.Contains(Open, StringComparison.Ordinal) ? standfirst : MarkdownText.Plain(body);
            var id = reader.GetInt32(0);
            hits[id] = new SearchHit(
                id,
                reader.GetString(1),
                HighlightedText.FromMarked(reader.GetString(4), Open, Close),
                HighlightedText.FromMarked(snippet, Open, Close),
                byline,
                DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc));
        }

        return hits;
    }
}
