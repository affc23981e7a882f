using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Search;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Search;

public sealed class SqliteSearchIndexMaintenanceTests
{
    private static readonly string[] Queries = ["harbour", "patrol vessel", "coast guard -drill", "\"joint exercise\"", "sub*"];

    private static readonly string[] Vocabulary =
    [
        "harbour", "patrol", "vessel", "coast", "guard", "drill", "joint", "exercise", "submarine", "subsea", "frigate",
        "destroyer", "strait", "island", "reef", "radar", "missile", "bomber", "airspace", "ministry", "defence", "pact",
        "navy", "sortie", "buoy", "shoal", "cable", "satellite", "drone", "cyber", "attack", "summit", "treaty", "border",
    ];

    /// <summary>Three transactions of published stories: FTS5 leaves them as three segments of about equal size.</summary>
    private static async Task FillInThreeWritesAsync(TestStore store, int perWrite)
    {
        var random = new Random(42);
        for (var write = 0; write < 3; write++)
        {
            await using var scope = store.NewContext();
            for (var i = 0; i < perWrite; i++)
            {
                var words = Enumerable.Range(0, 120).Select(_ => Vocabulary[random.Next(Vocabulary.Length)] + (random.Next(4) == 0 ? random.Next(5000).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
                var article = new Article($"story-{write}-{i}", $"Story {write} {i} {Vocabulary[random.Next(Vocabulary.Length)]}", string.Join(' ', words), ArticleStatus.Draft, DateTime.UtcNow.AddDays(-1));
                article.Publish(DateTime.UtcNow.AddDays(-1).AddMinutes(i));
                scope.Db.Articles.Add(article);
            }

            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<SqliteSearchIndexMaintenance.IndexShape> ShapeAsync(TestStore store)
    {
        await using var scope = store.NewContext();
        await scope.Db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await SqliteSearchIndexMaintenance.ShapeAsync(scope.Db.Database.GetDbConnection(), TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> ResultsAsync(TestStore store)
    {
        var lines = new List<string>();
        foreach (var text in Queries)
        {
            await using var scope = store.NewContext();
            Assert.True(SearchQuery.TryParse(text, out var query, out _));
            var results = await scope.Services.GetRequiredService<IArticleSearch>().SearchAsync(new SearchRequest(query, Take: 100), TestContext.Current.CancellationToken);
            lines.Add($"{text}: {results.Total} = {string.Join(",", results.Hits.Select(h => h.Slug))}");
        }

        return lines;
    }

    private static async Task AssertIndexIntactAsync(TestStore store)
    {
        await using var scope = store.NewContext();
        // Rank 0: the index's own structure and checksums (rank 1 would compare with all of Articles, drafts included).
        await scope.Db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('integrity-check', 0)", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_split_index_is_compacted_into_one_segment_and_searches_find_the_same()
    {
        await using var store = await TestStore.CreateAsync();
        await FillInThreeWritesAsync(store, 150);
        var before = await ShapeAsync(store);
        var results = await ResultsAsync(store);
        Assert.True(before.Segments >= 3, $"{before.Segments} segments");
        Assert.Contains(results, r => !r.Contains(": 0 =", StringComparison.Ordinal));

        await using (var scope = store.NewContext())
        {
            var maintenance = new SqliteSearchIndexMaintenance(scope.Db, NullLogger<SqliteSearchIndexMaintenance>.Instance) { MinimumSplitPages = 0, PagesPerStep = 20 };
            var compaction = await maintenance.CompactIfWorthwhileAsync(TestContext.Current.CancellationToken);

            Assert.NotNull(compaction);
            Assert.Equal(before.Segments, compaction.PartsBefore);
            Assert.Equal(1, compaction.PartsAfter);
            Assert.True(compaction.Steps > 1, $"{compaction.Steps} steps of 20 pages for {before.Pages} pages");
            // Now whole, it is not worth compacting again.
            Assert.Null(await maintenance.CompactIfWorthwhileAsync(TestContext.Current.CancellationToken));
        }

        var after = await ShapeAsync(store);
        Assert.Equal(1, after.Segments);
        Assert.Equal(after.Pages, after.LargestPages);
        await AssertIndexIntactAsync(store);
        Assert.Equal(results, await ResultsAsync(store));
    }

    [Fact]
    public async Task A_small_split_or_an_empty_index_is_left_alone()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            // As registered: not worth it below 256 pages outside the largest segment.
            Assert.Null(await scope.Services.GetRequiredService<ISearchIndexMaintenance>().CompactIfWorthwhileAsync(TestContext.Current.CancellationToken));
        }

        await FillInThreeWritesAsync(store, 10);
        var before = await ShapeAsync(store);
        await using (var scope = store.NewContext())
        {
            Assert.Null(await scope.Services.GetRequiredService<ISearchIndexMaintenance>().CompactIfWorthwhileAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(before, await ShapeAsync(store));
    }

    [Theory]
    [InlineData(1, 5000, 1000, false)] // one segment
    [InlineData(3, 5000, 4600, false)] // 8% outside the largest
    [InlineData(3, 400, 200, false)] // half outside, but under 256 pages
    [InlineData(3, 5000, 4000, true)]
    [InlineData(2, 2560, 2304, true)] // exactly 256 pages and a tenth outside
    [InlineData(2, 2561, 2305, false)] // 256 pages, just under a tenth
    [InlineData(14, 20855, 6133, true)] // the 100,000-story bench store generated before compaction existed
    public void Worth_compacting_once_a_tenth_and_256_pages_lie_outside_the_largest_segment(int segments, long pages, long largest, bool worth)
    {
        var maintenance = new SqliteSearchIndexMaintenance(null!, NullLogger<SqliteSearchIndexMaintenance>.Instance);
        Assert.Equal(worth, maintenance.IsWorthCompacting(new SqliteSearchIndexMaintenance.IndexShape(segments, pages, largest)));
    }

    [Fact]
    public async Task Stories_published_while_it_compacts_are_indexed_and_found()
    {
        await using var store = await TestStore.CreateAsync();
        await FillInThreeWritesAsync(store, 150);
        var ct = TestContext.Current.CancellationToken;

        async Task<SearchIndexCompaction?> CompactAsync()
        {
            await using var scope = store.NewContext();
            var maintenance = new SqliteSearchIndexMaintenance(scope.Db, NullLogger<SqliteSearchIndexMaintenance>.Instance)
            {
                MinimumSplitPages = 0,
                PagesPerStep = 5,
                Pause = TimeSpan.FromMilliseconds(5),
            };
            return await maintenance.CompactIfWorthwhileAsync(ct);
        }

        async Task PublishAsync()
        {
            for (var i = 0; i < 30; i++)
            {
                await using var scope = store.NewContext();
                var article = new Article($"late-{i}", $"Late story {i}", $"A quokka{i} crossed the harbour.", ArticleStatus.Draft, DateTime.UtcNow.AddHours(-1));
                article.Publish(DateTime.UtcNow.AddHours(-1));
                scope.Db.Articles.Add(article);
                await scope.Db.SaveChangesAsync(ct);
                await Task.Delay(5, ct);
            }
        }

        var compacting = Task.Run(CompactAsync, ct);
        await Task.WhenAll(compacting, Task.Run(PublishAsync, ct));

        Assert.NotNull(await compacting);
        await AssertIndexIntactAsync(store);
        await using var check = store.NewContext();
        for (var i = 0; i < 30; i++)
        {
            Assert.True(SearchQuery.TryParse($"quokka{i}", out var query, out _));
            var results = await check.Services.GetRequiredService<IArticleSearch>().SearchAsync(new SearchRequest(query), ct);
            Assert.Equal([$"late-{i}"], results.Hits.Select(h => h.Slug));
        }
    }
}
