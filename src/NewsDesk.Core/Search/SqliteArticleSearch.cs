using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Text;

namespace NewsDesk.Core.Search;

/// <summary>
/// <see cref="IArticleSearch"/> on SQLite FTS5: the <c>ArticleSearch</c> table indexes published Articles as its external
/// content, kept in step by triggers (<see cref="SqliteSearchSchema"/>). Ranked by BM25 with the headline weighted above
/// the standfirst above the body; words in half the stories or more filter without being ranked
/// (<see cref="SqliteTermFrequencies"/>).
/// </summary>
internal sealed class SqliteArticleSearch(NewsDeskDbContext db, TimeProvider time, SqliteTermFrequencies frequencies) : IArticleSearch
{
    private const char Open = '\u0002';
    private const char Close = '\u0003';

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var match = ToFts5(request.Query);
        var regionIds = request.RegionId is { } regionId ? await SubtreeAsync(regionId, cancellationToken) : null;

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var split = request.Order == SearchOrder.Relevance ? await SplitAsync(connection, request.Query, cancellationToken) : null;
            var (total, ids) = await RankAsync(connection, request, match, split, regionIds, cancellationToken);
            if (ids.Count == 0)
            {
                return new SearchResults(total, []);
            }

            var hits = await HighlightAsync(connection, match, ids, cancellationToken);
            return new SearchResults(total, [.. ids.Where(hits.ContainsKey).Select(id => hits[id])]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
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

    internal async Task<(string Rank, string Unranked)?> SplitAsync(DbConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Required.Count < 2)
        {
            return null;
        }

        var weightless = new List<bool>(query.Required.Count);
        foreach (var group in query.Required)
        {
            var all = true;
            foreach (var term in group)
            {
                all = all && await frequencies.IsWeightlessAsync(connection, Term(term), cancellationToken);
            }

            weightless.Add(all);
        }

        return SplitWeightless(query, weightless);
    }

    private async Task<List<int>> SubtreeAsync(int regionId, CancellationToken cancellationToken)
    {
        var path = await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? [] : await db.Regions.Where(r => r.Path.StartsWith(path)).Select(r => r.Id).ToListAsync(cancellationToken);
    }

    private async Task<(int Total, List<int> Ids)> RankAsync(
        DbConnection connection, SearchRequest request, string match, (string Rank, string Unranked)? split, List<int>? regionIds, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var matches = "ArticleSearch MATCH $match";
        if (split is { } parts)
        {
            matches = "ArticleSearch MATCH $match AND s.rowid NOT IN (SELECT rowid FROM ArticleSearch WHERE ArticleSearch MATCH $unranked)";
            command.AddParameter("$unranked", parts.Unranked);
        }

        command.AddParameter("$match", split?.Rank ?? match);
        command.AddParameter("$published", nameof(ArticleStatus.Published));
        command.AddParameter("$now", time.GetUtcNow().UtcDateTime);
        StringBuilder where;
        if (request.FromUtc is null && request.ToUtc is null && regionIds is null && request.TopicId is null && request.Order == SearchOrder.Relevance)
        {
            // The index holds published stories only: leaving out the few scheduled for later, it ranks and counts
            // alone. Looking every match up in Articles made a search for common words twice as slow.
            where = new StringBuilder($"""
                FROM ArticleSearch s
                WHERE {matches} AND s.rowid NOT IN (SELECT Id FROM Articles WHERE Status = $published AND PublishedAt > $now)
                """);
        }
        else
        {
            // CROSS JOIN keeps FTS5 as the outer loop (otherwise SQLite walks every published article and probes the
            // index once for each, a hundred times slower); the covering index answers "published and due" without the rows.
            where = new StringBuilder($"""
                FROM ArticleSearch s CROSS JOIN Articles a INDEXED BY IX_Articles_Search ON a.Id = s.rowid
                WHERE {matches} AND a.Status = $published AND a.PublishedAt <= $now
                """);
            AddFilters(command, where, request, regionIds);
        }

        // Ordered with a LIMIT, SQLite keeps only this page's rows while it ranks; the total is a separate count, which
        // needs no ranking and is skipped when the page is short.
        var order = request.Order == SearchOrder.Newest ? "a.PublishedAt DESC, a.Id DESC" : "bm25(ArticleSearch, 10.0, 4.0, 1.0), s.rowid DESC";
        command.CommandText = $"SELECT s.rowid {where} ORDER BY {order} LIMIT $take OFFSET $skip";
        var take = Math.Clamp(request.Take, 1, 100);
        var skip = Math.Max(0, request.Skip);
        command.AddParameter("$take", take);
        command.AddParameter("$skip", skip);

        var ids = new List<int>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        if (ids.Count > 0 && ids.Count < take)
        {
            return (skip + ids.Count, ids);
        }

        if (ids.Count == 0 && skip == 0)
        {
            return (0, ids);
        }

        command.CommandText = $"SELECT count(*) {where}";
        return (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture), ids);
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
