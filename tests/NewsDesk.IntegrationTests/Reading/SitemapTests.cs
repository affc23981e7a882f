using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsDesk.Reading.Seo;

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
    public async Task Past_the_limit_the_sitemap_is_an_index_of_parts_that_together_list_every_story()
    {
        // The same store and stories, with limits low enough that seven stories need three parts.
        await using var big = new ReadingApp();
        big.WithServices(s =>
        {
            s.RemoveAll<SitemapLimits>();
            s.AddSingleton(new SitemapLimits(maxUrls: 5, articlesPerPart: 3));
        });
        await ((IAsyncLifetime)big).InitializeAsync();
        using var client = big.CreateClient();
        async Task<XDocument> GetAsync(string path)
        {
            using var response = await client.GetResponseAsync(path);
            return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var index = await GetAsync("/sitemap.xml");
        Assert.Equal(Ns + "sitemapindex", index.Root!.Name);
        Assert.Equal(
            ["http://localhost/sitemaps/pages.xml", "http://localhost/sitemaps/articles-1.xml", "http://localhost/sitemaps/articles-2.xml", "http://localhost/sitemaps/articles-3.xml"],
            index.Root.Elements(Ns + "sitemap").Select(e => e.Element(Ns + "loc")!.Value));

        var parts = new List<List<string>>();
        for (var n = 1; n <= 3; n++)
        {
            parts.Add([.. (await GetAsync($"/sitemaps/articles-{n}.xml")).Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value)]);
        }

        Assert.Equal([3, 3, 1], parts.Select(p => p.Count));
        var articles = parts.SelectMany(p => p).ToList();
        Assert.Equal(7, articles.Distinct().Count());
        Assert.Contains("http://localhost/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa", articles);
        Assert.DoesNotContain("http://localhost/articles/unpublished-draft", articles);
        var pages = (await GetAsync("/sitemaps/pages.xml")).Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value).ToList();
        Assert.Contains("http://localhost/regions/senkaku-islands", pages);
        Assert.DoesNotContain(pages, p => p.Contains("/articles/", StringComparison.Ordinal));

        // Parts past the end, part 0, a number too long for an int, and names the route's pattern lets through with a
        // trailing line break: not found (the overflow and "pages\n" were 500s). Names ignore case, as routes do.
        Assert.Equal(parts[0], (await GetAsync("/sitemaps/ARTICLES-1.xml")).Root!.Elements(Ns + "url").Select(u => u.Element(Ns + "loc")!.Value));
        foreach (var missing in new[] { "/sitemaps/articles-4.xml", "/sitemaps/articles-0.xml", "/sitemaps/articles-99999999999.xml", "/sitemaps/pages%0A.xml", "/sitemaps/articles-1%0A.xml" })
        {
            using var response = await client.GetAsync(new Uri(missing, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal((missing, HttpStatusCode.NotFound), (missing, response.StatusCode));
        }
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
