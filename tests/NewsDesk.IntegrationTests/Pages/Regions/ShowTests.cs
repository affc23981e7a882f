using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Taxonomy;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Regions;

public sealed class ShowTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task A_country_page_lists_its_own_and_its_subdivisions_stories_newest_first()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/japan");

        Assert.Equal("Japan", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["Japan scrambles jets as Chinese bombers near Okinawa", "Ransomware hits Tokyo port operator", "Chinese ships enter waters off the Senkaku Islands", "Vietnam and Japan sign cyber defence pact", ReadingApp.SeedHeadline],
            page.Texts(".story-list h3 a"));
    }

    [Fact]
    public async Task A_sub_region_page_includes_every_descendant_and_a_theatre_page_lists_the_countries_involved()
    {
        var client = app.CreateClient();

        var easternAsia = await client.GetDocumentAsync("/regions/eastern-asia");
        // Five sample stories (one filed under Tokyo, one under the Senkaku Islands) and the seed story.
        Assert.Equal(6, easternAsia.QuerySelectorAll(".story-list > li").Length);
        // Its places with stories come first, busiest first, with counts; the quiet ones after them.
        var busy = easternAsia.Texts(".sub-regions .count-list a").ToList();
        Assert.Equal("Japan", busy[0]);
        Assert.Contains("China", busy);
        Assert.Equal("5", easternAsia.QuerySelector(".sub-regions .count-list .count")!.TextContent);
        Assert.Contains("Mongolia", easternAsia.Texts(".sub-regions .quiet a"));

        var sea = await client.GetDocumentAsync("/regions/south-china-sea");
        Assert.Equal(["Coast guard vessels collide near Second Thomas Shoal", "Navies hold joint drill in the South China Sea"], sea.Texts(".story-list h3 a"));
        Assert.Equal(await InvolvementsAsync(app.Sample.SouthChinaSea.Id, asTheatre: true), sea.Texts(".involved-countries a").ToHashSet());
        Assert.Superset(new HashSet<string> { "China", "Philippines", "Vietnam" }, sea.Texts(".involved-countries .count-list a").ToHashSet());
        Assert.Equal("Theatre", sea.QuerySelector(".kicker")!.TextContent);
    }

    [Fact]
    public async Task A_country_page_links_the_theatres_and_disputes_that_involve_it()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/china");

        Assert.Equal(await InvolvementsAsync(app.Sample.China.Id, asTheatre: false), page.Texts(".related-theatres a").ToHashSet());
        Assert.Superset(new HashSet<string> { "Senkaku Islands", "South China Sea" }, page.Texts(".related-theatres .count-list a").ToHashSet());
    }

    [Fact]
    public async Task A_country_page_folds_its_many_quiet_provinces_away()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/japan");

        Assert.Equal(["Tokyo"], page.Texts(".sub-regions .count-list a"));
        var folded = page.QuerySelector(".sub-regions details.more-places")!;
        Assert.Null(folded.GetAttribute("open"));
        Assert.Contains("Osaka", folded.QuerySelectorAll("a").Select(a => a.TextContent));
        Assert.Equal($"{folded.QuerySelectorAll("a").Length} more with no stories yet", folded.QuerySelector("summary")!.TextContent);
    }

    [Fact]
    public async Task The_world_page_lists_every_story_filed_anywhere()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/world");

        Assert.Equal("7 stories", page.QuerySelector(".listing-header .meta span")!.TextContent);
        Assert.Equal(ReadingApp.SeedHeadline, page.Texts(".story-list h3 a").Last());
    }

    [Fact]
    public async Task A_region_without_stories_is_a_page_kept_out_of_search_engines()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/mongolia");

        Assert.Equal("No stories about Mongolia yet.", page.QuerySelector(".empty")!.TextContent);
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null((await app.CreateClient().GetDocumentAsync("/regions/japan")).QuerySelector("meta[name=robots]"));
    }

    /// <summary>The names on the other side of a region's involvements, from the store.</summary>
    private Task<HashSet<string>> InvolvementsAsync(int regionId, bool asTheatre) => app.ReadAsync(async db =>
        (await (asTheatre
            ? db.RegionInvolvements.Where(i => i.RegionId == regionId).Select(i => i.Country.Name)
            : db.RegionInvolvements.Where(i => i.CountryId == regionId).Select(i => i.Region.Name))
            .ToListAsync(TestContext.Current.CancellationToken)).ToHashSet());

    [Fact]
    public async Task Breadcrumbs_climb_the_hierarchy_and_are_given_as_BreadcrumbList_JSON_LD()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/tokyo");

        Assert.Equal(["World", "Asia", "Eastern Asia", "Japan", "Tokyo"], page.Texts(".breadcrumbs a"));
        Assert.Equal("page", page.QuerySelector(".breadcrumbs a[aria-current]")!.GetAttribute("aria-current"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("BreadcrumbList", json.RootElement.GetProperty("@type").GetString());
        var items = json.RootElement.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(6, items.Count);
        Assert.Equal("http://localhost/regions/tokyo", items[^1].GetProperty("item").GetString());
        Assert.Equal(6, items[^1].GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task Featured_stories_come_first_in_the_editors_order()
    {
        using var featured = new ReadingApp();
        await featured.InitializeAsync();
        await featured.WriteAsync(async db =>
        {
            var japan = await db.Regions.FindAsync([featured.Sample.Japan.Id], TestContext.Current.CancellationToken);
            var older = await db.Articles.FindAsync([featured.Sample.Stories["vietnam-pact"].Id], TestContext.Current.CancellationToken);
            var newer = await db.Articles.FindAsync([featured.Sample.Stories["kishi"].Id], TestContext.Current.CancellationToken);
            db.FrontPagePicks.Add(new Core.FrontPage.FrontPagePick { Slot = Core.FrontPage.FrontPageSlot.Featured, Region = japan!, Article = older!, Position = 1, PickedAt = DateTime.UtcNow });
            db.FrontPagePicks.Add(new Core.FrontPage.FrontPagePick { Slot = Core.FrontPage.FrontPageSlot.Featured, Region = japan!, Article = newer!, Position = 2, PickedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await featured.CreateClient().GetDocumentAsync("/regions/japan");

        Assert.Equal(["Vietnam and Japan sign cyber defence pact", "Japan scrambles jets as Chinese bombers near Okinawa"], page.Texts(".featured h3 a"));
    }

    [Fact]
    public async Task Pages_split_long_lists_and_keep_the_date_filter_in_their_links()
    {
        using var many = new ReadingApp();
        many.With("Reading:PageSize", "5");
        await many.InitializeAsync();
        var client = many.CreateClient();

        var first = await client.GetDocumentAsync("/regions/asia");
        Assert.Equal(5, first.QuerySelectorAll(".story-list > li").Length);
        Assert.Equal("Page 1 of 2", first.QuerySelector(".pager-position")!.TextContent);
        Assert.Equal("/regions/asia?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var second = await client.GetDocumentAsync("/regions/asia?page=2");
        Assert.Equal(["Navies hold joint drill in the South China Sea", ReadingApp.SeedHeadline], second.Texts(".story-list h3 a"));
        Assert.Equal("/regions/asia", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/regions/asia?page=2", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        await client.GetDocumentAsync("/regions/asia?page=3", HttpStatusCode.NotFound);

        var filtered = await client.GetDocumentAsync("/regions/asia?from=2000-01-01");
        Assert.Equal("/regions/asia?from=2000-01-01&page=2", filtered.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var month = await client.GetDocumentAsync("/regions/asia?within=month");
        Assert.Null(month.QuerySelector(".pager"));
    }

    [Fact]
    public async Task An_empty_page_one_is_still_a_page()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/vietnam?within=week");

        Assert.Equal("No stories in these dates.", page.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Old_slugs_merged_regions_and_capitalised_slugs_redirect_permanently()
    {
        await app.WriteAsync(async db =>
        {
            // Slugs the built-in taxonomy does not use (its aliases, "nippon" or "spratlys", are redirects already).
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Region, FromSlug = "japan-before-rename", TargetId = app.Sample.Japan.Id, CreatedAt = DateTime.UtcNow });
            var merged = new Region("south-china-sea-merged", "South China Sea (merged)", RegionKind.Theatre) { MergedIntoId = app.Sample.SouthChinaSea.Id };
            db.Regions.Add(merged);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var client = app.NoRedirects();

        using var old = await client.GetResponseAsync("/regions/japan-before-rename?page=1");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/regions/japan?page=1", old.Headers.Location!.OriginalString);
        using var alias = await client.GetResponseAsync("/regions/nippon");
        Assert.Equal(HttpStatusCode.MovedPermanently, alias.StatusCode);
        Assert.Equal("/regions/japan", alias.Headers.Location!.OriginalString);
        using var merged = await client.GetResponseAsync("/regions/south-china-sea-merged");
        Assert.Equal("/regions/south-china-sea", merged.Headers.Location!.OriginalString);
        using var capitals = await client.GetResponseAsync("/regions/Japan");
        Assert.Equal(HttpStatusCode.MovedPermanently, capitals.StatusCode);
        Assert.Equal("/regions/japan", capitals.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_page_with_a_search_form_filled_from_the_address()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions/south-atlantis", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        var search = page.QuerySelector("main form[action='/search'] input[name=q]")!;
        Assert.Equal("south atlantis", search.GetAttribute("value"));
    }
}
