using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Data;

/// <summary>A store made by the first release (schema InitialCreate, an untagged seed story) upgrades in place.</summary>
public sealed class MigrationUpgradeTests
{
    private const string FirstRelease = "20261128070533_InitialCreate";

    [Fact]
    public async Task A_first_release_store_keeps_its_stories_gains_search_and_author_keys_and_queues_a_retag()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var file = directory.File("newsdesk.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsDesk:DataDirectory"] = directory.Path,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddNewsDeskCore(configuration, file);
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            await db.GetService<IMigrator>().MigrateAsync(FirstRelease, ct);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO Articles (Slug, Headline, Standfirst, Body, Byline, Status, PublishedAt, CreatedAt, ModifiedAt, Version)
                VALUES ('japan-vietnam-pact', 'Japan, Vietnam sign cyberspace pact', 'A standfirst.', 'Kishi met Phan Van Giang in Tokyo.',
                        'Zaini Majeed', 'Published', '2021-11-24 07:53:00', '2021-11-24 07:53:00', '2021-11-24 07:53:00', '00000000-0000-0000-0000-000000000001')
                """, ct);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            await NewsDeskDatabase.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<NewsDeskPaths>(), ct);
            await scope.ServiceProvider.GetRequiredService<TaxonomySync>().SyncAsync(ct);
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            var article = await db.Articles.SingleAsync(ct);
            Assert.Equal("Japan, Vietnam sign cyberspace pact", article.Headline);
            Assert.Equal("|zaini-majeed|", article.AuthorKeys);
            Assert.Null(article.LeadImageKey);

            var hits = await db.Database.SqlQueryRaw<int>("SELECT rowid AS Value FROM ArticleSearch WHERE ArticleSearch MATCH 'cyberspace'").ToListAsync(ct);
            Assert.Equal([article.Id], hits);

            var job = await db.RetagJobs.SingleAsync(ct);
            Assert.Equal(RetagJobState.Queued, job.State);
            Assert.True(await db.Regions.AnyAsync(r => r.Slug == "japan", ct));
        }

        SqliteConnection.ClearAllPools();
    }
}
