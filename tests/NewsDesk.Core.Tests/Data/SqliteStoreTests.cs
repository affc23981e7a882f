using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Data;

public sealed class SqliteStoreTests
{
    [Fact]
    public async Task Every_connection_runs_in_wal_mode_with_full_sync_a_busy_timeout_and_the_configured_page_cache()
    {
        await using var store = await TestStore.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["NewsDesk:BusyTimeoutMilliseconds"] = "4321",
            ["NewsDesk:PageCacheMiB"] = "24",
        });
        await using var scope = store.NewContext();
        // Opened through EF, as every store access is: a raw DbConnection.Open() would bypass the interceptor.
        await scope.Db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = scope.Db.Database.GetDbConnection();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("2", await ScalarAsync(connection, "PRAGMA synchronous")); // 2 = FULL
        Assert.Equal("4321", await ScalarAsync(connection, "PRAGMA busy_timeout"));
        Assert.Equal("1", await ScalarAsync(connection, "PRAGMA foreign_keys"));
        Assert.Equal("-24576", await ScalarAsync(connection, "PRAGMA cache_size")); // negative: KiB, not pages
    }

    [Fact]
    public async Task Timestamps_come_back_in_utc_as_they_were_stored()
    {
        await using var store = await TestStore.CreateAsync();
        var published = new DateTime(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc);
        await using (var scope = store.NewContext())
        {
            var article = new Article("a", "A", "Body", ArticleStatus.Draft, published);
            article.Publish(published);
            scope.Db.Articles.Add(article);
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = store.NewContext())
        {
            var article = await scope.Db.Articles.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(DateTimeKind.Utc, article.PublishedAt!.Value.Kind);
            Assert.Equal(published, article.PublishedAt);
        }
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_is_refused()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            scope.Db.Articles.Add(new Article("a", "Original", "Body", ArticleStatus.Draft, DateTime.UtcNow));
            await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var first = store.NewContext();
        await using var second = store.NewContext();
        var mine = await first.Db.Articles.SingleAsync(TestContext.Current.CancellationToken);
        var theirs = await second.Db.Articles.SingleAsync(TestContext.Current.CancellationToken);

        theirs.Headline = "Theirs";
        theirs.Touch(DateTime.UtcNow);
        await second.Db.SaveChangesAsync(TestContext.Current.CancellationToken);

        mine.Headline = "Mine";
        mine.Touch(DateTime.UtcNow);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.Db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_articles_cannot_share_a_slug()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        scope.Db.Articles.Add(new Article("same", "One", "Body", ArticleStatus.Draft, DateTime.UtcNow));
        scope.Db.Articles.Add(new Article("same", "Two", "Body", ArticleStatus.Draft, DateTime.UtcNow));

        await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<string?> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
