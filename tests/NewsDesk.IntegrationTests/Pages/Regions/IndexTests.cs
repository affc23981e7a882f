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
        // Japan's own stories, Tokyo's and the Senkaku story filed under Japan too, each once.
        Assert.Equal("4", japan.ParentElement!.QuerySelector(".count")!.TextContent);
        var easternAsia = japan.ParentElement!.ParentElement!.ParentElement!;
        Assert.Equal("Eastern Asia", easternAsia.QuerySelector("a")!.TextContent);
        Assert.Equal("Tokyo", japan.ParentElement!.QuerySelector("ul")!.QuerySelector("a")!.TextContent);
    }

    [Fact]
    public async Task Theatres_and_disputed_territories_have_their_own_list()
    {
        var page = await app.CreateClient().GetDocumentAsync("/regions");

        Assert.Equal(["Senkaku Islands 1", "South China Sea 2"], page.QuerySelectorAll(".theatres li").Select(li => li.TextContent.Trim()));
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
