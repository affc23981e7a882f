using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Search;

public sealed class SqliteArticleSearchTests
{
    private static async Task<SearchResults> SearchAsync(TestStore store, string text)
    {
        await using var scope = store.NewContext();
        Assert.True(SearchQuery.TryParse(text, out var query, out _));
        return await scope.Services.GetRequiredService<IArticleSearch>().SearchAsync(new SearchRequest(query), TestContext.Current.CancellationToken);
    }

    private static Article Published(string slug, string headline, string body)
    {
        var article = new Article(slug, headline, body, ArticleStatus.Draft, DateTime.UtcNow.AddHours(-1));
        article.Publish(DateTime.UtcNow.AddHours(-1));
        return article;
    }

    [Fact]
    public async Task Headline_matches_rank_above_body_matches_and_are_highlighted()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Articles.AddRange(
                Published("body", "Navy drill ends", "Officials said a submarine joined the drill."),
                Published("headline", "Submarine surfaces near Guam", "The boat was seen at dawn."));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var results = await SearchAsync(store, "submarine");

        Assert.Equal(2, results.Total);
        Assert.Equal(["headline", "body"], results.Hits.Select(h => h.Slug));
        Assert.Equal([new TextRun("Submarine", true), new TextRun(" surfaces near Guam", false)], results.Hits[0].Headline.Runs);
        Assert.Contains(new TextRun("submarine", true), results.Hits[1].Snippet.Runs);
    }

    [Fact]
    public async Task Triggers_keep_the_index_in_step_with_inserts_updates_and_deletes()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Articles.Add(Published("story", "Frigate visits Manila", "A frigate docked."));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, (await SearchAsync(store, "frigate")).Total);
        await using (var scope = store.NewContext())
        {
            (await scope.Db.Articles.SingleAsync(TestContext.Current.CancellationToken)).Headline = "Corvette visits Manila";
            (await scope.Db.Articles.SingleAsync(TestContext.Current.CancellationToken)).Body = "A corvette docked.";
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await SearchAsync(store, "frigate")).Total);
        Assert.Equal(1, (await SearchAsync(store, "corvette")).Total);
        await using (var scope = store.NewContext())
        {
            await scope.Db.Articles.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await SearchAsync(store, "corvette")).Total);
        await using (var scope = store.NewContext())
        {
            // FTS5 raises an error if the index and Articles disagree.
            await scope.Db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('integrity-check', 1)", TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Missing_triggers_are_restored_and_the_index_rebuilt_at_start()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            // What EF's table rebuild does to a SQLite table's triggers.
            foreach (var trigger in SqliteSearchSchema.Triggers)
            {
#pragma warning disable EF1002 // The trigger names are constants of SqliteSearchSchema.
                await scope.Db.Database.ExecuteSqlRawAsync($"DROP TRIGGER {trigger}", TestContext.Current.CancellationToken);
#pragma warning restore EF1002
            }

            scope.Db.Articles.Add(Published("late", "Destroyer transits strait", "Written while the triggers were gone."));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await SearchAsync(store, "destroyer")).Total);
        await using (var scope = store.NewContext())
        {
            // What every host runs at start.
            await NewsDeskDatabase.MigrateAsync(scope.Db, store.Services.GetRequiredService<NewsDeskPaths>(), TestContext.Current.CancellationToken);
            Assert.False(await SqliteSearchSchema.EnsureAsync(scope.Db, TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, (await SearchAsync(store, "destroyer")).Total);
    }

    [Fact]
    public async Task Drafts_and_future_stories_are_never_found()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Articles.Add(new Article("draft", "Secret frigate plan", "Draft.", ArticleStatus.Draft, DateTime.UtcNow));
            var future = new Article("future", "Frigate launch tomorrow", "Embargoed.", ArticleStatus.Draft, DateTime.UtcNow);
            future.Publish(DateTime.UtcNow.AddDays(1));
            scope.Db.Articles.Add(future);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await SearchAsync(store, "frigate")).Total);
    }

    [Fact]
    public async Task Every_page_reports_the_same_total_of_visible_matches()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            for (var i = 0; i < 25; i++)
            {
                var article = new Article($"patrol-{i:00}", $"Patrol {i}", "A coast guard patrol.", ArticleStatus.Draft, DateTime.UtcNow);
                article.Publish(DateTime.UtcNow.AddHours(-100 + i));
                scope.Db.Articles.Add(article);
            }

            scope.Db.Articles.Add(new Article("draft", "Patrol draft", "Not yet.", ArticleStatus.Draft, DateTime.UtcNow));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(SearchQuery.TryParse("patrol", out var query, out _));
        async Task<SearchResults> PageAsync(int skip)
        {
            await using var scope = store.NewContext();
            return await scope.Services.GetRequiredService<IArticleSearch>()
                .SearchAsync(new SearchRequest(query, Order: SearchOrder.Newest, Skip: skip, Take: 10), TestContext.Current.CancellationToken);
        }

        var first = await PageAsync(0);
        var last = await PageAsync(20);
        var past = await PageAsync(30);

        Assert.Equal([25, 25, 25], new[] { first.Total, last.Total, past.Total });
        Assert.Equal([.. Enumerable.Range(15, 10).Reverse().Select(i => $"patrol-{i:00}")], first.Hits.Select(h => h.Slug));
        Assert.Equal([.. Enumerable.Range(0, 5).Reverse().Select(i => $"patrol-{i:00}")], last.Hits.Select(h => h.Slug));
        Assert.Empty(past.Hits);
    }

    [Fact]
    public async Task Publishing_unpublishing_and_editing_drafts_move_stories_in_and_out_of_the_index()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync();
        async Task<List<int>> IndexedAsync(string word)
        {
            await using var scope = store.NewContext();
            return await scope.Db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH {word}").ToListAsync(ct);
        }

        int id;
        await using (var scope = store.NewContext())
        {
            var draft = new Article("draft", "Submarine drill planned", "Draft copy.", ArticleStatus.Draft, DateTime.UtcNow);
            scope.Db.Articles.Add(draft);
            await scope.Db.SaveChangesAsync(ct);
            id = draft.Id;
            draft.Body = "Draft copy, edited.";
            await scope.Db.SaveChangesAsync(ct);
        }

        Assert.Empty(await IndexedAsync("submarine"));
        await using (var scope = store.NewContext())
        {
            (await scope.Db.Articles.SingleAsync(ct)).Publish(DateTime.UtcNow.AddMinutes(-1));
            await scope.Db.SaveChangesAsync(ct);
        }

        Assert.Equal([id], await IndexedAsync("submarine"));
        Assert.Equal(1, (await SearchAsync(store, "submarine")).Total);
        await using (var scope = store.NewContext())
        {
            var story = await scope.Db.Articles.SingleAsync(ct);
            story.Headline = "Frigate drill planned";
            await scope.Db.SaveChangesAsync(ct);
            Assert.Empty(await IndexedAsync("submarine"));
            Assert.Equal([id], await IndexedAsync("frigate"));
            story.MoveTo(ArticleStatus.Draft);
            await scope.Db.SaveChangesAsync(ct);
        }

        Assert.Empty(await IndexedAsync("frigate"));
        Assert.Equal(0, (await SearchAsync(store, "frigate")).Total);
        await using (var scope = store.NewContext())
        {
            // Deleting the draft must not touch the index: an FTS5 'delete' of a row it does not hold corrupts it, which
            // the check against Articles (now empty, as the index should be) reports as a malformed database.
            await scope.Db.Articles.ExecuteDeleteAsync(ct);
            await scope.Db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('integrity-check', 1)", ct);
        }
    }

    [Fact]
    public async Task Each_page_is_highlighted_from_its_own_stories_as_the_index_matches_words()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Articles.AddRange(
                Published("subs", "Submarines shadow carrier group", "Two submarines followed the carrier."),
                Published("frigate", "Frigate visits Manila", "The frigate docked; no submarine was seen."),
                Published("drill", "Navy drill ends", "Coast guard cutters and a frigate took part."));
            await scope.Db.SaveChangesAsync(ct);
        }

        // One scope, so both searches run on the same connection and its page table.
        await using (var scope = store.NewContext())
        {
            var search = scope.Services.GetRequiredService<IArticleSearch>();
            Assert.True(SearchQuery.TryParse("submarine", out var first, out _));
            Assert.True(SearchQuery.TryParse("frigat* -cutters", out var second, out _));

            var subs = await search.SearchAsync(new SearchRequest(first), ct);
            var frigates = await search.SearchAsync(new SearchRequest(second), ct);

            // The stemmer matches "Submarines" as the index does; the second page shares a story with the first and
            // holds only its own.
            Assert.Equal(["subs", "frigate"], subs.Hits.Select(h => h.Slug));
            Assert.Equal([new TextRun("Submarines", true), new TextRun(" shadow carrier group", false)], subs.Hits[0].Headline.Runs);
            Assert.Contains(new TextRun("submarine", true), subs.Hits[1].Snippet.Runs);
            Assert.Equal(["frigate"], frigates.Hits.Select(h => h.Slug));
            Assert.Equal([new TextRun("Frigate", true), new TextRun(" visits Manila", false)], frigates.Hits[0].Headline.Runs);

            // The connection's page index holds the last page only, in step with its text (FTS5 raises an error if not).
            await scope.Db.Database.ExecuteSqlAsync($"INSERT INTO temp.SearchPage(SearchPage, rank) VALUES ('integrity-check', 1)", ct);
            Assert.Equal(1, await scope.Db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM temp.SearchPage WHERE SearchPage MATCH 'frigate OR submarine'").SingleAsync(ct));
        }

        await using (var scope = store.NewContext())
        {
            var definition = await scope.Db.Database.SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE name = 'ArticleSearch'").SingleAsync(ct);
            Assert.Contains($"tokenize='{SqliteSearchSchema.Tokenizer}'", definition, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Words_in_half_the_stories_filter_without_changing_the_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            // "the" is in nine stories of ten, "frigate" in four: one of those four lacks "the".
            for (var i = 0; i < 6; i++)
            {
                scope.Db.Articles.Add(Published($"other-{i}", $"Coast guard report {i}", $"The cutter sailed {i} miles."));
            }

            scope.Db.Articles.AddRange(
                Published("headline", "Frigate shadows the carrier", "The frigate kept its distance."),
                Published("body", "Navy drill ends", "The frigate joined the drill late, and the frigate left early."),
                Published("once", "Ships in port", "A frigate was among the ships seen in the harbour that week by the crews."),
                Published("no-the", "Frigate docks", "A frigate docked."));
            await scope.Db.SaveChangesAsync(ct);
        }

        await using (var scope = store.NewContext())
        {
            var frequencies = scope.Services.GetRequiredService<SqliteTermFrequencies>();
            await scope.Db.Database.OpenConnectionAsync(ct);
            var connection = scope.Db.Database.GetDbConnection();
            Assert.Equal(new TermCount(9, 10), await frequencies.CountAsync(connection, "\"the\"", ct));
            Assert.True(new TermCount(5, 10).Weightless);
            Assert.False(new TermCount(4, 10).Weightless);
            Assert.False((await frequencies.CountAsync(connection, "\"frigate\"", ct)).Weightless);

            // What BM25 over the whole query orders: the search ranks by "frigate" alone and must agree.
            var expected = await scope.Db.Database.SqlQuery<string>($"""
                SELECT a.Slug AS Value FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
                WHERE ArticleSearch MATCH '"the" AND "frigate"' ORDER BY bm25(ArticleSearch, 10.0, 4.0, 1.0), s.rowid DESC
                """).ToListAsync(ct);
            Assert.Equal(["headline", "body", "once"], expected);

            Assert.True(SearchQuery.TryParse("the frigate", out var query, out _));
            var search = scope.Services.GetRequiredService<IArticleSearch>();
            // Ranked by "frigate" alone, of which there are at most four matches; "the" filters.
            Assert.Equal((("\"frigate\"", "(\"frigate\") NOT (\"the\")"), 4L), await ((SqliteArticleSearch)search).PlanAsync(connection, query, ct));
            // Nothing to split off: both rank, and no more stories hold both than hold "drill".
            Assert.True(SearchQuery.TryParse("frigate drill", out var both, out _));
            Assert.Equal((null, 1L), await ((SqliteArticleSearch)search).PlanAsync(connection, both, ct));
            var first = await search.SearchAsync(new SearchRequest(query, Take: 2), ct);
            var second = await search.SearchAsync(new SearchRequest(query, Skip: 2, Take: 2), ct);
            // The filtered path (joined to Articles for the date) splits the same way.
            var dated = await search.SearchAsync(new SearchRequest(query, FromUtc: DateTime.UtcNow.AddDays(-1)), ct);

            Assert.Equal([3, 3, 3], new[] { first.Total, second.Total, dated.Total });
            Assert.Equal(expected, first.Hits.Concat(second.Hits).Select(h => h.Slug));
            Assert.Equal(expected, dated.Hits.Select(h => h.Slug));
            Assert.Contains(new TextRun("the", true), first.Hits[0].Headline.Runs);
        }
    }

    [Fact]
    public async Task Ranking_in_parts_finds_the_same_pages_as_ranking_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = await TestStore.CreateAsync();
        var now = DateTime.UtcNow;
        await using (var scope = store.NewContext())
        {
            // Scores vary with how often "patrol" comes and where; many stories tie, so the order within ties (newest
            // id first) must survive the merge. Two are scheduled for later and must be found by neither.
            for (var i = 0; i < 90; i++)
            {
                var headline = i % 3 == 0 ? $"Frigate patrol {i}" : $"Coast guard report {i}";
                var body = string.Join(' ', Enumerable.Repeat("The patrol went out.", (i % 5) + 1)) + (i % 7 == 0 ? " A frigate followed." : "");
                var article = new Article($"story-{i}", headline, body, ArticleStatus.Draft, now.AddDays(-i));
                article.Publish(i < 2 ? now.AddDays(1) : now.AddDays(-i));
                scope.Db.Articles.Add(article);
            }

            await scope.Db.SaveChangesAsync(ct);
        }

        await using (var scope = store.NewContext())
        {
            SqliteArticleSearch Search(int parts) => new(
                scope.Db,
                scope.Services.GetRequiredService<IServiceScopeFactory>(),
                TimeProvider.System,
                scope.Services.GetRequiredService<SqliteTermFrequencies>(),
                new SearchParallelism(parts, 1));

            foreach (var text in new[] { "patrol", "the patrol", "frigate patrol", "patrol -frigate", "guard OR frigate" })
            {
                Assert.True(SearchQuery.TryParse(text, out var query, out _));
                foreach (var request in new[]
                {
                    new SearchRequest(query, Take: 20),
                    new SearchRequest(query, Skip: 20, Take: 20),
                    new SearchRequest(query, Skip: 80, Take: 20),
                    new SearchRequest(query, FromUtc: now.AddDays(-40), Take: 15),
                })
                {
                    var once = await Search(1).SearchAsync(request, ct);
                    var inParts = await Search(3).SearchAsync(request, ct);
                    Assert.Equal(once.Total, inParts.Total);
                    Assert.Equal(once.Hits.Select(h => (h.Slug, h.Snippet.ToString())), inParts.Hits.Select(h => (h.Slug, h.Snippet.ToString())));
                }
            }

            Assert.True(SearchQuery.TryParse("patrol", out var patrol, out _));
            var all = await Search(3).SearchAsync(new SearchRequest(patrol, Take: 100), ct);
            Assert.Equal(88, all.Total);
            Assert.DoesNotContain(all.Hits, h => h.Slug is "story-0" or "story-1");
            // Ties in score (the same text) come newest id first, across the parts' boundaries too.
            var expected = await scope.Db.Database.SqlQuery<string>($"""
                SELECT a.Slug AS Value FROM ArticleSearch s JOIN Articles a ON a.Id = s.rowid
                WHERE ArticleSearch MATCH 'patrol' AND a.PublishedAt <= {now}
                ORDER BY bm25(ArticleSearch, 10.0, 4.0, 1.0), s.rowid DESC
                """).ToListAsync(ct);
            Assert.Equal(expected, all.Hits.Select(h => h.Slug));
        }
    }

    [Fact]
    public void Searches_running_at_once_share_the_parts_out()
    {
        var parallelism = new SearchParallelism(4, 500);
        using (var alone = parallelism.Begin())
        {
            Assert.Equal(4, alone.Parts(10_000));
            Assert.Equal(2, alone.Parts(1_200));
            Assert.Equal(1, alone.Parts(100));
            using var second = parallelism.Begin();
            Assert.Equal(2, second.Parts(10_000));
            Assert.True(second.HasSpareCore);
            using var third = parallelism.Begin();
            Assert.Equal(1, third.Parts(10_000));
            Assert.False(third.HasSpareCore);
        }

        // The leases above are over: a search alone again gets every part.
        using var again = parallelism.Begin();
        Assert.Equal(4, again.Parts(10_000));
    }
}
