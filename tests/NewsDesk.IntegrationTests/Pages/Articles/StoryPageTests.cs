using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Articles;

public sealed class StoryPageTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    private const string Kishi = "/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa";

    [Fact]
    public async Task A_story_links_its_regions_topics_tags_authors_and_source()
    {
        var page = await app.CreateClient().GetDocumentAsync(Kishi);

        Assert.Equal(["China", "Japan"], page.Texts(".term-links.regions a").Order());
        Assert.Equal("/regions/japan", page.QuerySelectorAll(".term-links.regions a").Single(a => a.TextContent == "Japan").GetAttribute("href"));
        Assert.Equal(["Defence cooperation"], page.Texts(".term-links.topics a"));
        Assert.Equal("/tags/h-6-bomber", page.QuerySelector(".term-links.tags a")!.GetAttribute("href"));
        Assert.Equal("/authors/aiko-tanaka", page.QuerySelector(".byline a.author")!.GetAttribute("href"));
        var source = page.QuerySelector(".source a")!;
        Assert.Equal("Example Wire", source.TextContent);
        Assert.Equal("https://wire.example/kishi", source.GetAttribute("href"));
        Assert.Equal("H-6", page.QuerySelector(".body strong")!.TextContent);
    }

    [Fact]
    public async Task A_story_carries_NewsArticle_JSON_LD_and_article_meta()
    {
        var page = await app.CreateClient().GetDocumentAsync(Kishi);

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Japan scrambles jets as Chinese bombers near Okinawa", root.GetProperty("headline").GetString());
        Assert.Equal("Aiko Tanaka", root.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal("http://localhost" + Kishi, root.GetProperty("mainEntityOfPage").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("datePublished").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("http://localhost" + Kishi, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[property='article:published_time']"));
    }

    [Fact]
    public async Task Related_stories_share_regions_and_topics_and_leave_out_old_ones()
    {
        var page = await app.CreateClient().GetDocumentAsync(Kishi);

        var related = page.Texts(".related h3 a").ToList();
        Assert.Equal("Vietnam and Japan sign cyber defence pact", related[0]);
        Assert.Contains("Chinese ships enter waters off the Senkaku Islands", related);
        Assert.DoesNotContain("Navies hold joint drill in the South China Sea", related);
        Assert.DoesNotContain("Japan scrambles jets as Chinese bombers near Okinawa", related);
    }

    [Fact]
    public async Task Stories_of_the_same_cluster_come_first_among_related_and_a_correction_is_shown()
    {
        using var cluster = new ReadingApp();
        await cluster.InitializeAsync();
        await cluster.WriteAsync(async db =>
        {
            var story = new Core.Articles.StoryCluster { CreatedAt = DateTime.UtcNow };
            foreach (var key in new[] { "kishi", "old-drill" })
            {
                db.Add(new Core.Articles.StoryClusterMember { ArticleId = cluster.Sample.Stories[key].Id, StoryCluster = story });
            }

            var kishi = await db.Articles.FindAsync([cluster.Sample.Stories["kishi"].Id], TestContext.Current.CancellationToken);
            kishi!.SetCorrection("An earlier version said four bombers; there were two.", DateTime.UtcNow);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await cluster.CreateClient().GetDocumentAsync(Kishi);

        Assert.Equal("Navies hold joint drill in the South China Sea", page.Texts(".related h3 a").First());
        Assert.Equal("An earlier version said four bombers; there were two.", page.QuerySelector(".correction p")!.TextContent);
    }

    [Fact]
    public async Task Drafts_and_scheduled_stories_are_not_found()
    {
        var client = app.CreateClient();

        await client.GetDocumentAsync("/articles/unpublished-draft", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/articles/scheduled-story", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_old_slug_redirects_permanently_to_the_story()
    {
        await app.WriteAsync(async db =>
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Article, FromSlug = "jets-scrambled", TargetId = app.Sample.Stories["kishi"].Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        using var response = await app.NoRedirects().GetResponseAsync("/articles/jets-scrambled");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Kishi, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_story_offers_a_search_for_the_words_of_its_address()
    {
        var page = await app.CreateClient().GetDocumentAsync("/articles/chinese-bombers-over-okinawa", HttpStatusCode.NotFound);

        Assert.Equal("chinese bombers over okinawa", page.QuerySelector("#not-found-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_preview_renders_any_story_as_readers_will_see_it()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<NewsDesk.Reading.Articles.ArticleReader>();

        var preview = await reader.PreviewAsync(app.Sample.Stories["draft"].Id, TestContext.Current.CancellationToken);

        Assert.NotNull(preview);
        Assert.True(preview.IsPreview);
        Assert.Equal(ArticleStatus.Draft, preview.Status);
        Assert.Equal("<p>Not for readers: cyber draft.</p>\n", preview.BodyHtml.Value);
        Assert.Equal(["Japan"], preview.Regions.Select(r => r.Name));
    }
}
