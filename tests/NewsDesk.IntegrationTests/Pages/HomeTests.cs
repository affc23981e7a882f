using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Pages;

public sealed class HomeTests : IClassFixture<NewsDeskAppFactory>
{
    private readonly NewsDeskAppFactory _app;

    public HomeTests(NewsDeskAppFactory app) => _app = app;

    [Fact]
    public async Task The_home_page_lists_the_seed_story_with_a_link_to_it()
    {
        var page = await _app.CreateClient().GetDocumentAsync("/");

        var link = Assert.Single(page.QuerySelectorAll(".story-list h3 a"));
        Assert.Equal("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression", link.TextContent);
        Assert.Equal("/articles/japan-vietnam-sign-defense-and-cyberspace-cooperation-to-counter-chinas-aggression", link.GetAttribute("href"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_health_check_answers_200_when_the_database_is_reachable()
    {
        using var response = await _app.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_stylesheet_of_the_reading_library_is_served_with_a_fingerprint()
    {
        var client = _app.CreateClient();
        var page = await client.GetDocumentAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var css = await client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"site\.[a-z0-9]+\.css", href);
    }
}
