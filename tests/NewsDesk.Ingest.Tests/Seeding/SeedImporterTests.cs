using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Ingest.Seeding;
using NewsDesk.TestSupport;

namespace NewsDesk.Ingest.Tests.Seeding;

public sealed class SeedImporterTests
{
    [Fact]
    public async Task An_empty_store_gets_every_seed_as_a_published_article()
    {
        await using var store = await CreateStoreAsync();
        File.Copy(Repository.SeedFile, Path.Combine(SeedsOf(store), Path.GetFileName(Repository.SeedFile)));

        var imported = await ImportAsync(store);

        Assert.Equal(1, imported);
        await using var scope = store.NewContext();
        var article = await scope.Db.Articles.Include(a => a.Revisions).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal("japan-vietnam-sign-defense-and-cyberspace-cooperation-to-counter-chinas-aggression", article.Slug);
        Assert.Equal(new DateTime(2021, 11, 24, 7, 53, 0, DateTimeKind.Utc), article.PublishedAt);
        Assert.Equal("seed", Assert.Single(article.Revisions).Reason);
    }

    [Fact]
    public async Task Seeds_are_imported_once_however_often_the_app_starts()
    {
        await using var store = await CreateStoreAsync();
        File.Copy(Repository.SeedFile, Path.Combine(SeedsOf(store), "a.txt"));

        Assert.Equal(1, await ImportAsync(store));
        Assert.Equal(0, await ImportAsync(store));
        await using var scope = store.NewContext();
        Assert.Equal(1, await scope.Db.Articles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_malformed_seed_is_skipped_and_the_others_are_imported()
    {
        await using var store = await CreateStoreAsync();
        var seeds = SeedsOf(store);
        File.Copy(Repository.SeedFile, Path.Combine(seeds, "good.txt"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "empty.txt"), "", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(seeds, "binary.bin"), [0x50, 0x4B, 0x03, 0x04, 0, 0, 0xFF], TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(seeds, "headline-only.txt"), "Just a headline", TestContext.Current.CancellationToken);

        Assert.Equal(1, await ImportAsync(store));
    }

    [Fact]
    public async Task Two_seeds_with_the_same_headline_get_distinct_slugs()
    {
        await using var store = await CreateStoreAsync();
        var seeds = SeedsOf(store);
        await File.WriteAllTextAsync(Path.Combine(seeds, "1.txt"), "Bomber flights near Okinawa\n\nFirst.", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(seeds, "2.txt"), "Bomber flights near Okinawa\n\nSecond.", TestContext.Current.CancellationToken);

        Assert.Equal(2, await ImportAsync(store));
        await using var scope = store.NewContext();
        var slugs = await scope.Db.Articles.OrderBy(a => a.Slug).Select(a => a.Slug).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["bomber-flights-near-okinawa", "bomber-flights-near-okinawa-2"], slugs);
    }

    [Fact]
    public async Task A_missing_seeds_directory_leaves_the_store_empty()
    {
        await using var store = await CreateStoreAsync();
        Directory.Delete(SeedsOf(store));

        Assert.Equal(0, await ImportAsync(store));
    }

    private static async Task<TestStore> CreateStoreAsync()
    {
        var store = await TestStore.CreateAsync(services => services.AddNewsDeskIngest(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        Directory.CreateDirectory(SeedsOf(store));
        return store;
    }

    private static string SeedsOf(TestStore store) => Path.Combine(store.Directory, "seeds");

    private static async Task<int> ImportAsync(TestStore store)
    {
        await using var scope = store.NewContext();
        return await scope.Services.GetRequiredService<SeedImporter>().ImportIfEmptyAsync(TestContext.Current.CancellationToken);
    }
}
