using System.Xml.Linq;

namespace NewsDesk.IntegrationTests.Reading;

public sealed class SitemapTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_every_published_story_and_every_region_and_topic_with_stories()
    {
        using var response = await app.CreateClient().GetResponseAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var urls = sitemap.Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa", urls);
        Assert.Contains("http://localhost/regions/senkaku-islands", urls);
        Assert.Contains("http://localhost/regions/tokyo", urls);
        Assert.Contains("http://localhost/topics/maritime-security", urls);
        Assert.Contains("http://localhost/regions/world", urls);
        Assert.Contains("http://localhost/topics", urls);
        // Region and topic pages without stories stay out (they are noindex) until a story is filed there.
        Assert.DoesNotContain("http://localhost/regions/mongolia", urls);
        Assert.DoesNotContain("http://localhost/regions/osaka", urls);
        Assert.True(urls.Count(u => u.Contains("/regions/", StringComparison.Ordinal)) < 100);
        Assert.DoesNotContain("http://localhost/articles/unpublished-draft", urls);
        Assert.DoesNotContain("http://localhost/articles/scheduled-story", urls);
        Assert.Equal(7, urls.Count(u => u.Contains("/articles/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_search_and_the_desk()
    {
        using var response = await app.CreateClient().GetResponseAsync("/robots.txt");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /search", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /desk", text, StringComparison.Ordinal);
    }
}
