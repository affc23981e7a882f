using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.Core.Tests.Taxonomy;

public sealed class TaxonomySyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SyncAsync(TestStore store)
    {
        await using var scope = store.NewContext();
        await scope.Services.GetRequiredService<TaxonomySync>().SyncAsync(Ct);
    }

    [Fact]
    public async Task The_built_in_taxonomy_lands_in_Terms_with_the_contract_s_slugs()
    {
        await using var store = await TestStore.CreateAsync();
        await SyncAsync(store);

        await using var scope = store.NewContext();
        var regions = await scope.Db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Key!, Ct);
        Assert.Equal("vietnam", regions["country:VN"].Slug);
        Assert.Equal("united-states", regions["country:US"].Slug);
        Assert.Equal("south-korea", regions["country:KR"].Slug);
        Assert.Equal("eastern-asia", regions["m49:030"].Slug);
        Assert.Equal(RegionKind.Subregion, regions["m49:030"].Kind);
        Assert.Equal("south-china-sea", regions["theatre:south-china-sea"].Slug);
        Assert.Equal(RegionKind.Theatre, regions["theatre:south-china-sea"].Kind);
        Assert.Equal("senkaku-islands", regions["disputed:senkaku-islands"].Slug);
        Assert.Equal(RegionKind.DisputedTerritory, regions["disputed:senkaku-islands"].Kind);
        Assert.Equal("JP", regions["country:JP"].IsoCode);
        Assert.Equal("392", regions["country:JP"].NumericCode);
        Assert.True(regions.Values.Count(r => r.Kind == RegionKind.Subdivision) > 3000);
        var topic = await scope.Db.Topics.SingleAsync(t => t.Key == "topic:cyber-security", Ct);
        Assert.StartsWith("medtop:", topic.IptcCode, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Materialised_paths_follow_the_hierarchy()
    {
        await using var store = await TestStore.CreateAsync();
        await SyncAsync(store);

        await using var scope = store.NewContext();
        var world = await scope.Db.Regions.SingleAsync(r => r.Key == "m49:001", Ct);
        var asia = await scope.Db.Regions.SingleAsync(r => r.Key == "m49:142", Ct);
        var easternAsia = await scope.Db.Regions.SingleAsync(r => r.Key == "m49:030", Ct);
        var japan = await scope.Db.Regions.SingleAsync(r => r.Key == "country:JP", Ct);
        var senkaku = await scope.Db.Regions.SingleAsync(r => r.Key == "disputed:senkaku-islands", Ct);
        Assert.Equal($"/{world.Id}/{asia.Id}/{easternAsia.Id}/{japan.Id}/", japan.Path);
        Assert.Equal(easternAsia.Id, japan.ParentId);
        Assert.StartsWith(easternAsia.Path, senkaku.Path, StringComparison.Ordinal);
        var underEasternAsia = await scope.Db.Regions.CountAsync(r => r.Path.StartsWith(easternAsia.Path) && r.Kind == RegionKind.Country, Ct);
        Assert.InRange(underEasternAsia, 7, 10);
    }

    [Fact]
    public async Task Disputed_territories_are_linked_to_the_countries_involved()
    {
        await using var store = await TestStore.CreateAsync();
        await SyncAsync(store);

        await using var scope = store.NewContext();
        var countries = await scope.Db.RegionInvolvements.Where(i => i.Region.Key == "disputed:senkaku-islands").Select(i => i.Country.IsoCode).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal(["CN", "JP", "TW"], countries);
    }

    [Fact]
    public async Task Other_names_redirect_to_the_slug()
    {
        await using var store = await TestStore.CreateAsync();
        await SyncAsync(store);

        await using var scope = store.NewContext();
        var vietnam = await scope.Db.Regions.SingleAsync(r => r.Key == "country:VN", Ct);
        var senkaku = await scope.Db.Regions.SingleAsync(r => r.Key == "disputed:senkaku-islands", Ct);
        var redirects = await scope.Db.SlugRedirects.Where(r => r.Kind == SlugKind.Region).ToDictionaryAsync(r => r.FromSlug, r => r.TargetId, Ct);
        Assert.Equal(vietnam.Id, redirects["viet-nam"]);
        Assert.Equal(senkaku.Id, redirects["diaoyu-islands"]);
        Assert.Equal(senkaku.Id, redirects["diaoyutai"]);
        Assert.False(redirects.ContainsKey("vietnam"));
    }

    [Fact]
    public async Task Syncing_again_changes_nothing_and_never_undoes_an_admin_s_rename()
    {
        await using var store = await TestStore.CreateAsync();
        await SyncAsync(store);
        await using (var scope = store.NewContext())
        {
            var czechia = await scope.Db.Regions.SingleAsync(r => r.Key == "country:CZ", Ct);
            czechia.Name = "Czech Republic";
            czechia.Slug = "czech-republic";
            var state = await scope.Db.TaxonomyState.SingleAsync(Ct);
            state.BuiltInVersion = "an older release";
            await scope.Db.SaveChangesAsync(Ct);
        }

        int before;
        await using (var scope = store.NewContext())
        {
            before = await scope.Db.Terms.CountAsync(Ct);
        }

        await SyncAsync(store);
        await SyncAsync(store);

        await using var check = store.NewContext();
        Assert.Equal(before, await check.Db.Terms.CountAsync(Ct));
        var renamed = await check.Db.Regions.SingleAsync(r => r.Key == "country:CZ", Ct);
        Assert.Equal("Czech Republic", renamed.Name);
        Assert.Equal("czech-republic", renamed.Slug);
        Assert.Equal(Tagging.Taxonomy.TaxonomySnapshot.BuiltInVersion, (await check.Db.TaxonomyState.SingleAsync(Ct)).BuiltInVersion);
    }
}
