using System.Net;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Authors;

public sealed class ShowTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task An_author_page_lists_every_story_whose_byline_names_them_including_shared_bylines()
    {
        var page = await app.CreateClient().GetDocumentAsync("/authors/ben-ortiz");

        Assert.Equal("Ben Ortiz", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            ["Ransomware hits Tokyo port operator", "Coast guard vessels collide near Second Thomas Shoal", "Vietnam and Japan sign cyber defence pact"],
            page.Texts(".story-list h3 a"));
    }

    [Fact]
    public async Task The_seed_story_author_has_a_page()
    {
        var page = await app.CreateClient().GetDocumentAsync("/authors/zaini-majeed");

        Assert.Single(page.QuerySelectorAll(".story-list li"));
    }

    [Fact]
    public async Task An_author_with_no_published_story_is_not_found_and_a_messy_slug_redirects()
    {
        await app.CreateClient().GetDocumentAsync("/authors/nobody-at-all", HttpStatusCode.NotFound);

        using var messy = await app.NoRedirects().GetResponseAsync("/authors/Ben_Ortiz");
        Assert.Equal(HttpStatusCode.MovedPermanently, messy.StatusCode);
        Assert.Equal("/authors/ben-ortiz", messy.Headers.Location!.OriginalString);
    }
}
