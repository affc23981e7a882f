using System.Net;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages;

public sealed class FrontPageTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task The_front_page_lists_published_stories_newest_first_and_hides_drafts_and_scheduled_ones()
    {
        var page = await app.CreateClient().GetDocumentAsync("/");

        var headlines = page.Texts(".story-list h3 a").ToList();
        Assert.Equal("Japan scrambles jets as Chinese bombers near Okinawa", headlines[0]);
        Assert.Equal("Ransomware hits Tokyo port operator", headlines[1]);
        Assert.DoesNotContain("Draft about a secret cyber operation", headlines);
        Assert.DoesNotContain("Scheduled report on cyber readiness", headlines);
        Assert.Contains("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression", headlines);
    }

    [Fact]
    public async Task The_busiest_regions_and_topics_of_the_last_30_days_are_listed_with_counts()
    {
        var page = await app.CreateClient().GetDocumentAsync("/");

        var regions = page.QuerySelectorAll(".busiest-regions li").Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".count")!.TextContent)).ToList();
        Assert.Equal(("Japan", "3"), regions[0]);
        Assert.Contains(("South China Sea", "1"), regions);
        Assert.DoesNotContain(regions, r => r.Item1 is "Asia" or "World");
        Assert.Contains(("Maritime security", "2"), page.QuerySelectorAll(".busiest-topics li").Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".count")!.TextContent)));
    }

    [Fact]
    public async Task Page_numbers_outside_the_list_are_not_found()
    {
        var client = app.CreateClient();

        await client.GetDocumentAsync("/?page=1");
        await client.GetDocumentAsync("/?page=2", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/?page=0", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/?page=-1", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/?page=two", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_past_week_filter_keeps_only_recent_stories_and_a_bad_date_says_what_is_wrong()
    {
        var client = app.CreateClient();

        var week = await client.GetDocumentAsync("/?within=week");
        Assert.Equal(4, week.QuerySelectorAll(".story-list > li").Length);
        Assert.Equal("noindex, follow", week.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var bad = await client.GetDocumentAsync("/?from=yesterday", HttpStatusCode.BadRequest);
        Assert.Equal("The 'from' date should look like 2024-01-31.", bad.QuerySelector(".form-error")!.TextContent);
        var reversed = await client.GetDocumentAsync("/?from=2024-02-01&to=2024-01-01", HttpStatusCode.BadRequest);
        Assert.Equal("The start date is after the end date.", reversed.QuerySelector(".form-error")!.TextContent);
    }

    [Fact]
    public async Task A_date_range_is_read_in_whole_days_of_the_site_time_zone()
    {
        var day = DateOnly.FromDateTime(app.Sample.Stories["old-drill"].PublishedAt!.Value);

        var page = await app.CreateClient().GetDocumentAsync($"/?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");

        Assert.Equal(["Navies hold joint drill in the South China Sea"], page.Texts(".story-list h3 a"));
    }

    [Fact]
    public async Task The_pinned_story_leads_the_front_page()
    {
        using var pinned = new ReadingApp();
        await pinned.InitializeAsync();
        await pinned.WriteAsync(async db =>
        {
            db.FrontPagePicks.Add(new Core.FrontPage.FrontPagePick
            {
                Slot = Core.FrontPage.FrontPageSlot.Top,
                ArticleId = pinned.Sample.Stories["senkaku-patrol"].Id,
                PickedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var page = await pinned.CreateClient().GetDocumentAsync("/");

        Assert.Equal("Chinese ships enter waters off the Senkaku Islands", page.QuerySelector(".top-story h3 a")!.TextContent);
        Assert.DoesNotContain("Chinese ships enter waters off the Senkaku Islands", page.Texts(".story-list h3 a"));
    }

    [Fact]
    public async Task Every_page_has_a_canonical_link_open_graph_and_twitter_meta_and_a_feed_link()
    {
        var page = await app.CreateClient().GetDocumentAsync("/");

        Assert.Equal("http://localhost/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("website", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("summary", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.Equal("/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }
}
