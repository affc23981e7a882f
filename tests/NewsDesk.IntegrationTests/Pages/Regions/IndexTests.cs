using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Taxonomy;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Regions;

public sealed class IndexTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task The_region_tree_nests_countries_under_sub_regions_with_story_counts()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions");

        var japan = page.QuerySelectorAll(".region-tree a").Single(a => a.TextContent == "Japan");
        Assert.Equal("/regions/japan", japan.GetAttribute("href"));
        // Japan's own stories, Tokyo's and the Senkaku story filed under Japan too, each once; and the seed story.
        Assert.Equal("5", japan.ParentElement!.QuerySelector(".count")!.TextContent);
        var easternAsia = japan.ParentElement!.ParentElement!.ParentElement!;
        Assert.Equal("Eastern Asia", easternAsia.QuerySelector("a")!.TextContent);
        Assert.Equal("Tokyo", japan.ParentElement!.QuerySelector("ul")!.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task The_tree_lists_every_country_quietly_when_it_has_no_stories_and_only_the_provinces_with_stories()
    {
        var countries = await app.ReadAsync(db => db.Regions
            .Where(r => r.Kind == RegionKind.Country && r.RetiredAt == null && r.MergedIntoId == null)
            .Select(r => r.Name).ToListAsync(TestContext.Current.CancellationToken));

        var page = await app.CreateClient().GetDocumentAsync("/regions");

        var links = page.QuerySelectorAll("#tree-heading + .region-tree a").ToList();
        Assert.Superset(countries.ToHashSet(), links.Select(a => a.TextContent).ToHashSet());
        // Of Japan's 47 prefectures only Tokyo has a story; the others are a click away on Japan's page.
        Assert.DoesNotContain(links, a => a.TextContent == "Osaka");
        Assert.True(links.Count < 400, $"{links.Count} links in the tree");
        var mongolia = links.Single(a => a.TextContent == "Mongolia").ParentElement!;
        Assert.Contains("quiet", mongolia.ClassList);
        Assert.Null(mongolia.QuerySelector(".count"));
        Assert.DoesNotContain("quiet", links.Single(a => a.TextContent == "Japan").ParentElement!.ClassList);
    }

    [Fact]
    public async Task Theatres_and_disputed_territories_have_their_own_list_those_with_stories_first()
    {
        var theatres = await app.ReadAsync(db => db.Regions
            .Where(r => (r.Kind == RegionKind.Theatre || r.Kind == RegionKind.DisputedTerritory) && r.RetiredAt == null && r.MergedIntoId == null)
            .CountAsync(TestContext.Current.CancellationToken));

        var page = await app.CreateClient().GetDocumentAsync("/regions");

        var busy = page.QuerySelectorAll(".theatres .count-list li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("South China Sea 2", busy);
        Assert.Contains("Senkaku Islands 1", busy);
        var counts = page.QuerySelectorAll(".theatres .count-list .count").Select(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        // The dozens without stories are folded away, still one click (and one link each) from here.
        var quiet = page.QuerySelectorAll(".theatres details.more-places li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Abkhazia", quiet);
        Assert.Equal(theatres, busy.Count + quiet.Count);
        Assert.Equal("#theatres-heading", page.QuerySelectorAll(".jump-links a")[^1].GetAttribute("href"));
    }

    [Fact]
    public async Task Counts_leave_out_retired_regions_as_the_region_pages_do()
    {
        using var retired = new ReadingApp();
        await retired.InitializeAsync();
        await retired.WriteAsync(async db =>
        {
            (await db.Regions.SingleAsync(r => r.Slug == "tokyo", TestContext.Current.CancellationToken)).RetiredAt = DateTime.UtcNow;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var client = retired.CreateClient();

        var tree = await client.GetDocumentAsync("/regions");
        var japan = await client.GetDocumentAsync("/regions/japan");

        // The ransomware story is filed under Tokyo alone.
        Assert.Equal("4", tree.QuerySelectorAll(".region-tree a").Single(a => a.TextContent == "Japan").ParentElement!.QuerySelector(".count")!.TextContent);
        Assert.Equal("4 stories", japan.QuerySelector(".listing-header .meta span")!.TextContent);
    }

    [Fact]
    public async Task The_world_map_shades_countries_by_recent_stories_and_links_those_with_stories()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions");
        var map = page.QuerySelector("svg.world-map")!;

        var japan = map.QuerySelector("a[href='/regions/japan'] path")!;
        Assert.Equal("m2", japan.GetAttribute("class"));
        Assert.Equal("Japan: 4 stories", japan.QuerySelector("title")!.TextContent);
        Assert.Equal("m1", map.QuerySelector("a[href='/regions/vietnam'] path")!.GetAttribute("class"));
        // Only the four sample countries with recent stories are links; Brazil, say, is a plain shape.
        Assert.Equal(4, map.QuerySelectorAll("a").Length);
        Assert.True(map.QuerySelectorAll("path").Length > 150);
        Assert.Equal("true", map.GetAttribute("aria-hidden"));
        Assert.All(map.QuerySelectorAll("a"), a => Assert.Equal("-1", a.GetAttribute("tabindex")));
    }
}
