using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Pages.Articles;

public sealed class ShowTests : IClassFixture<NewsDeskAppFactory>
{
    private const string SeedUrl = "/articles/japan-vietnam-sign-defense-and-cyberspace-cooperation-to-counter-chinas-aggression";
    private readonly NewsDeskAppFactory _app;

    public ShowTests(NewsDeskAppFactory app) => _app = app;

    [Fact]
    public async Task The_seed_story_shows_headline_standfirst_byline_credit_and_published_time()
    {
        var page = await _app.CreateClient().GetDocumentAsync(SeedUrl);
        var story = page.QuerySelector("article.story")!;

        Assert.Equal("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression", story.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Japan's Defense Minister Nobuo Kishi told reporters", story.QuerySelector(".standfirst")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Zaini Majeed", story.QuerySelector(".byline .author")!.TextContent);
        Assert.Equal("Image: AP", story.QuerySelector(".credit")!.TextContent);
        var published = story.QuerySelector(".published time")!;
        Assert.Equal("2021-11-24T07:53:00+00:00", published.GetAttribute("datetime"));
        Assert.Equal("24 November 2021, 07:53 UTC", published.TextContent);
    }

    [Fact]
    public async Task The_body_is_rendered_with_the_subheading_as_a_heading_and_no_advertisement()
    {
        var page = await _app.CreateClient().GetDocumentAsync(SeedUrl);
        var body = page.QuerySelector("article.story .body")!;

        Assert.Equal("Japan officially recognises China as 'threat' to its cybersecurity", Assert.Single(body.QuerySelectorAll("h2")).TextContent);
        Assert.Equal(5, body.QuerySelectorAll("p").Length);
        Assert.DoesNotContain("Advertisement", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_slug_is_a_404_page_that_helps()
    {
        var page = await _app.CreateClient().GetDocumentAsync("/articles/no-such-story", System.Net.HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }
}
