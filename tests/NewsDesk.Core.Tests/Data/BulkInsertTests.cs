using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Data;

public sealed class BulkInsertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article Sample(string slug)
    {
        var at = new DateTime(2024, 10, 1, 8, 30, 15, 123, DateTimeKind.Utc);
        var article = new Article(slug, "Coast guard ships near the Senkakus", "Body *with* Markdown.", ArticleStatus.Incoming, at)
        {
            Standfirst = "Standfirst",
            Byline = "Reporter One",
            SourceName = "Wire",
            OriginalUrl = "https://wire.example/1?utm_source=x",
            CanonicalUrl = "https://wire.example/1",
            ExternalId = "guid-" + slug,
            ContentHash = "abc",
            SourcePublishedAt = at.AddHours(-1),
            Fingerprint = [1, 2, 3, 255],
        };
        article.Publish(at);
        return article;
    }

    [Fact]
    public async Task Rows_are_what_SaveChanges_writes_and_generated_keys_come_back()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        var tracked = Sample("tracked");
        scope.Db.Articles.Add(tracked);
        await scope.Db.SaveChangesAsync(Ct);
        var bulk = Enumerable.Range(0, 40).Select(i => Sample("bulk-" + i)).ToList();

        await scope.Db.InsertAsync(bulk, Ct);

        Assert.All(bulk, a => Assert.Equal(EntityState.Detached, scope.Db.Entry(a).State));
        Assert.Equal(bulk.Select(a => a.Id), await scope.Db.Articles.Where(a => a.Slug.StartsWith("bulk-")).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));
        await scope.Db.Database.OpenConnectionAsync(Ct);
        var connection = scope.Db.Database.GetDbConnection();
        var expected = await RowAsync(connection, tracked.Id);
        foreach (var article in bulk)
        {
            var row = await RowAsync(connection, article.Id);
            foreach (var (column, value) in expected.Where(c => c.Key is not ("Id" or "Slug" or "Version" or "ExternalId")))
            {
                Assert.Equal((column, value), (column, row[column]));
            }
        }
    }

    [Fact]
    public async Task Rows_without_a_generated_key_get_every_column()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        var article = Sample("a");
        scope.Db.Articles.Add(article);
        await scope.Db.SaveChangesAsync(Ct);
        var revisions = Enumerable.Range(2, 75).Select(n =>
        {
            var r = article.Snapshot(n, DateTime.UtcNow, "test", author: null);
            r.ArticleId = article.Id;
            return r;
        }).ToList();

        await scope.Db.InsertAsync(revisions, Ct);

        var stored = await scope.Db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id).OrderBy(r => r.Number).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(2, 75), stored.Select(r => r.Number));
        Assert.All(stored, r => Assert.Equal(("Wire", "https://wire.example/1?utm_source=x", ArticleStatus.Published), (r.SourceName, r.OriginalUrl, r.Status)));
    }

    [Fact]
    public async Task A_refused_row_is_reported_as_SaveChanges_would_report_it()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        scope.Db.Articles.Add(Sample("taken"));
        await scope.Db.SaveChangesAsync(Ct);

        var ex = await Assert.ThrowsAsync<DbUpdateException>(() => scope.Db.InsertAsync([Sample("taken")], Ct));

        Assert.IsAssignableFrom<DbException>(ex.InnerException);
    }

    private static async Task<Dictionary<string, object?>> RowAsync(DbConnection connection, int id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"Articles\" WHERE \"Id\" = {id}";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i));
    }
}
