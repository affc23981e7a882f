using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Text;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Taxonomy;

public sealed class TaxonomyCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_snapshot_is_reused_until_the_taxonomy_changes()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        await scope.Services.GetRequiredService<TaxonomySync>().SyncAsync(Ct);
        var cache = scope.Services.GetRequiredService<TaxonomyCache>();

        var first = await cache.GetAsync(scope.Db, Ct);
        var second = await cache.GetAsync(scope.Db, Ct);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task An_alias_added_by_another_instance_is_seen_on_the_next_use()
    {
        await using var store = await TestStore.CreateAsync();
        await using (var scope = store.NewContext())
        {
            await scope.Services.GetRequiredService<TaxonomySync>().SyncAsync(Ct);
        }

        // A second app instance (its own container, cache and connections) on the same database file.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsDesk:DataDirectory"] = store.Directory,
        }).Build();
        await using var other = new ServiceCollection().AddLogging().AddNewsDeskCore(configuration, store.DatabaseFile).BuildServiceProvider();

        TaggingInput Input() => TaggingInput.PlainText("Patrol boats circled Sento Shosho again.");
        await using var mine = store.NewContext();
        var cache = mine.Services.GetRequiredService<TaxonomyCache>();
        Assert.DoesNotContain(Tagger.Tag(await cache.GetAsync(mine.Db, Ct), Input()).Regions, r => r.Place.Slug == "senkaku-islands");

        await using (var scope = other.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            var senkaku = await db.Regions.SingleAsync(r => r.Key == "disputed:senkaku-islands", Ct);
            db.TermAliases.Add(new TermAlias { TermId = senkaku.Id, Name = "Sento Shosho" });
            await db.SaveChangesAsync(Ct);
        }

        Assert.Contains(Tagger.Tag(await cache.GetAsync(mine.Db, Ct), Input()).Regions, r => r.Place.Slug == "senkaku-islands");
    }

    [Fact]
    public async Task A_region_an_admin_adds_is_tagged_with_its_involvements()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        await scope.Services.GetRequiredService<TaxonomySync>().SyncAsync(Ct);
        var easternAsia = await scope.Db.Regions.SingleAsync(r => r.Key == "m49:030", Ct);
        var japan = await scope.Db.Regions.SingleAsync(r => r.Key == "country:JP", Ct);
        var region = new Region("first-island-chain", "First Island Chain", RegionKind.Theatre);
        region.MoveUnder(easternAsia);
        region.Involvements.Add(new RegionInvolvement { Region = region, Country = japan });
        scope.Db.Regions.Add(region);
        await scope.Db.SaveChangesAsync(Ct);
        region.RefreshPath();
        await scope.Db.SaveChangesAsync(Ct);

        var taxonomy = await scope.Services.GetRequiredService<TaxonomyCache>().GetAsync(scope.Db, Ct);
        var result = Tagger.Tag(taxonomy, TaggingInput.PlainText("Ships sailed through the First Island Chain."));

        var found = Assert.Single(result.Regions, r => r.Place.Slug == "first-island-chain");
        Assert.Equal(Tagging.Taxonomy.PlaceKind.Theatre, found.Place.Kind);
        Assert.Equal(["country:JP"], found.Place.InvolvedCountryKeys);
    }

    [Fact]
    public async Task Tags_the_tagger_creates_do_not_invalidate_the_snapshot()
    {
        await using var store = await TestStore.CreateAsync();
        await using var scope = store.NewContext();
        await scope.Services.GetRequiredService<TaxonomySync>().SyncAsync(Ct);
        var stamp = await scope.Db.TaxonomyState.Select(s => s.Stamp).SingleAsync(Ct);

        scope.Db.Tags.Add(new Tag("someone", "Someone", TagKind.Person) { Key = "person:someone" });
        await scope.Db.SaveChangesAsync(Ct);
        Assert.Equal(stamp, await scope.Db.TaxonomyState.AsNoTracking().Select(s => s.Stamp).SingleAsync(Ct));

        scope.Db.Tags.Add(new Tag("an-admin-tag", "An admin tag", TagKind.Organisation));
        await scope.Db.SaveChangesAsync(Ct);
        Assert.NotEqual(stamp, await scope.Db.TaxonomyState.AsNoTracking().Select(s => s.Stamp).SingleAsync(Ct));
    }
}
